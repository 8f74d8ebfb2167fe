import "server-only";
import { and, asc, eq, ilike, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/lib/db/client";
import { customers, people, syncRuns } from "@/lib/db/schema";

const parents = alias(customers, "parent");

/** The organisation's customers with how many People each holds. */
export async function listCustomers(db: Database, organisationId: string, search?: string) {
  const conditions = [eq(customers.organisationId, organisationId)];
  if (search) conditions.push(ilike(customers.name, `%${search.replace(/[\\%_]/g, "\\$&")}%`));
  return db
    .select({
      id: customers.id,
      name: customers.name,
      salesforceAccountId: customers.salesforceAccountId,
      parentName: parents.name,
      synced: sql<number>`(select count(*)::int from ${people} p where p.customer_id = ${customers.id} and p.source = 'salesforce' and p.archived_at is null)`,
      manual: sql<number>`(select count(*)::int from ${people} p where p.customer_id = ${customers.id} and p.source = 'manual')`,
      archived: sql<number>`(select count(*)::int from ${people} p where p.customer_id = ${customers.id} and p.archived_at is not null)`,
    })
    .from(customers)
    .leftJoin(parents, eq(parents.id, customers.parentCustomerId))
    .where(and(...conditions))
    .orderBy(asc(customers.name));
}

/** A customer of the organisation, or null when the id names another organisation's. */
export async function findCustomer(db: Database, organisationId: string, customerId: string) {
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      salesforceAccountId: customers.salesforceAccountId,
      parentId: customers.parentCustomerId,
      parentName: parents.name,
    })
    .from(customers)
    .leftJoin(parents, eq(parents.id, customers.parentCustomerId))
    .where(and(eq(customers.id, customerId), eq(customers.organisationId, organisationId)));
  const customer = rows[0];
  if (!customer) return null;

  const children = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.parentCustomerId, customer.id))
    .orderBy(asc(customers.name));
  return { ...customer, children };
}

/** Every person on a customer, active first, each with the run that last wrote it. */
export async function listPeople(db: Database, customerId: string) {
  return db
    .select({
      id: people.id,
      source: people.source,
      salesforceContactId: people.salesforceContactId,
      firstName: people.firstName,
      lastName: people.lastName,
      email: people.email,
      phones: people.phones,
      positions: people.positions,
      customFields: people.customFields,
      archivedAt: people.archivedAt,
      lastRunId: people.lastRunId,
      lastRunAt: syncRuns.createdAt,
      updatedAt: people.updatedAt,
    })
    .from(people)
    .leftJoin(syncRuns, eq(syncRuns.id, people.lastRunId))
    .where(eq(people.customerId, customerId))
    .orderBy(sql`${people.archivedAt} is not null`, asc(people.lastName), asc(people.firstName));
}

export type PersonRow = Awaited<ReturnType<typeof listPeople>>[number];
