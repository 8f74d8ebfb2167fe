import "server-only";
import { asc, countDistinct, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, organisations, salesforceConnections } from "@/lib/db/schema";

export async function listOrganisations(db: Database) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      customerCount: countDistinct(customers.id),
      connected: sql<boolean>`bool_or(${salesforceConnections.id} is not null)`,
    })
    .from(organisations)
    .leftJoin(customers, eq(customers.organisationId, organisations.id))
    .leftJoin(salesforceConnections, eq(salesforceConnections.organisationId, organisations.id))
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name));
}

export type OrganisationSummary = Awaited<ReturnType<typeof listOrganisations>>[number];
