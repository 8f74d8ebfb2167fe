import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, organisations, people, positions } from "@/lib/db/schema";
import type { ExistingPerson } from "@/lib/sync/person-diff";

export class UnknownOrganisation extends Error {
  constructor(ref: string) {
    super(`No organisation is called or has the id ${ref}.`);
  }
}

/** The columns of a synced person that map and plan compare; shared by every loader. */
export const existingPersonColumns = {
  id: people.id,
  customerId: people.customerId,
  source: people.source,
  salesforceContactId: people.salesforceContactId,
  firstName: people.firstName,
  lastName: people.lastName,
  email: people.email,
  phones: people.phones,
  positions: people.positions,
  customFields: people.customFields,
  archivedAt: people.archivedAt,
};

/** An organisation by id or, for the CLI, by exact name. */
export async function findOrganisation(db: Database, ref: string) {
  const byId = /^[0-9a-f-]{36}$/i.test(ref);
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(byId ? eq(organisations.id, ref) : eq(organisations.name, ref));
  if (!organisation) throw new UnknownOrganisation(ref);
  return organisation;
}

export function loadCustomers(db: Database, organisationId: string) {
  return db
    .select({
      id: customers.id,
      name: customers.name,
      salesforceAccountId: customers.salesforceAccountId,
      parentCustomerId: customers.parentCustomerId,
    })
    .from(customers)
    .where(eq(customers.organisationId, organisationId));
}

export async function loadPositionNames(db: Database, organisationId: string) {
  const rows = await db
    .select({ name: positions.name })
    .from(positions)
    .where(eq(positions.organisationId, organisationId))
    .orderBy(asc(positions.name));
  return rows.map((p) => p.name);
}

/**
 * What map and plan need from the database: customers, positions and the synced People (manual
 * People are never part of a plan, so they are not even read).
 */
export async function loadSyncInputs(db: Database, organisationId: string) {
  const [customerRows, positionNames, existingPeople] = await Promise.all([
    loadCustomers(db, organisationId),
    loadPositionNames(db, organisationId),
    db
      .select(existingPersonColumns)
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.source, "salesforce"))),
  ]);

  return {
    customers: customerRows,
    positionNames,
    existingPeople: existingPeople satisfies ExistingPerson[],
  };
}
