import "server-only";
import { asc, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, organisations, salesforceConnections } from "@/lib/db/schema";

export async function listOrganisations(db: Database) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      customerCount: sql<number>`(select count(*)::int from ${customers} where ${customers.organisationId} = ${organisations.id})`,
      connected: sql<boolean>`exists (select 1 from ${salesforceConnections} where ${salesforceConnections.organisationId} = ${organisations.id})`,
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

export type OrganisationSummary = Awaited<ReturnType<typeof listOrganisations>>[number];
