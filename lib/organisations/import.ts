import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/lib/db/client";
import { customers, organisations, people, positions } from "@/lib/db/schema";
import type { OrganisationFile } from "@/lib/organisations/import-format";
import { saveConnection } from "@/lib/salesforce-connections/store";

/**
 * Imports an organisation file; importing the same file again changes nothing. Customers are
 * matched by Salesforce Account Id, else by name; manual People by customer and name.
 */
export async function importOrganisation(db: Database, file: OrganisationFile) {
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .insert(organisations)
      .values(file.organisation)
      .onConflictDoUpdate({
        target: organisations.name,
        set: {
          defaultCountry: file.organisation.defaultCountry,
          timeZone: file.organisation.timeZone,
        },
      })
      .returning();
    const organisationId = organisation!.id;

    await importPositions(tx, organisationId, file.positions);
    const customerIds = await importCustomers(tx, organisationId, file.customers);
    const added = await importManualPeople(tx, organisationId, file.people, customerIds);
    if (file.salesforce) await saveConnection(tx, organisationId, file.salesforce);

    return {
      organisation: organisation!,
      customers: customerIds.size,
      positions: file.positions.length,
      manualPeopleAdded: added,
    };
  });
}

async function importPositions(tx: Transaction, organisationId: string, names: string[]) {
  if (names.length === 0) return;
  await tx
    .insert(positions)
    .values(names.map((name) => ({ organisationId, name })))
    .onConflictDoNothing();
}

async function importCustomers(
  tx: Transaction,
  organisationId: string,
  list: OrganisationFile["customers"],
) {
  const ids = new Map<string, string>();
  for (const customer of list) {
    const match = customer.salesforceAccountId
      ? eq(customers.salesforceAccountId, customer.salesforceAccountId)
      : and(eq(customers.name, customer.name), sql`${customers.salesforceAccountId} is null`);
    const [existing] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.organisationId, organisationId), match));

    if (existing) {
      await tx.update(customers).set({ name: customer.name }).where(eq(customers.id, existing.id));
      ids.set(customer.key, existing.id);
      continue;
    }
    const [created] = await tx
      .insert(customers)
      .values({
        organisationId,
        name: customer.name,
        salesforceAccountId: customer.salesforceAccountId ?? null,
      })
      .returning({ id: customers.id });
    ids.set(customer.key, created!.id);
  }

  for (const customer of list) {
    const parentId = customer.parent ? ids.get(customer.parent)! : null;
    await tx
      .update(customers)
      .set({ parentCustomerId: parentId })
      .where(eq(customers.id, ids.get(customer.key)!));
  }
  return ids;
}

async function importManualPeople(
  tx: Transaction,
  organisationId: string,
  list: OrganisationFile["people"],
  customerIds: Map<string, string>,
) {
  let added = 0;
  for (const person of list) {
    const customerId = customerIds.get(person.customer)!;
    const [existing] = await tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.customerId, customerId),
          eq(people.source, "manual"),
          eq(people.lastName, person.lastName),
          person.firstName
            ? eq(people.firstName, person.firstName)
            : sql`${people.firstName} is null`,
        ),
      );
    if (existing) continue;

    await tx.insert(people).values({
      organisationId,
      customerId,
      source: "manual",
      firstName: person.firstName ?? null,
      lastName: person.lastName,
      email: person.email ?? null,
      phones: person.phones.map((p) => ({
        type: p.type,
        raw: p.raw,
        e164: p.e164 ?? null,
        sourceField: null,
      })),
      positions: [...person.positions].sort(),
    });
    added++;
  }
  return added;
}
