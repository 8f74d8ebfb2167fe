import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { existingPersonColumns } from "@/lib/sync/load-inputs";
import { people, positions } from "@/lib/db/schema";
import type { SyncCustomer } from "@/lib/sync/customers";
import type { FieldTypes } from "@/lib/sync/describe";
import type { SyncConfig } from "@/lib/sync/config";
import { queriesForIds } from "@/lib/sync/incremental/id-lists";
import { foldMergesInPlan } from "@/lib/sync/merges/fold-plan";
import type { MergedContacts } from "@/lib/sync/merges/fold-merges";
import type { ExistingPerson } from "@/lib/sync/person-diff";
import { createPlanner } from "@/lib/sync/plan";
import { contactKey } from "@/lib/sync/plan-accumulate";
import { materialisePlan, type Plan } from "@/lib/sync/plan-types";
import { buildSoql, queryObjectOf } from "@/lib/sync/soql";
import { planSyncQueries } from "@/lib/sync/soql-split";
import type { ContactSource } from "@/lib/sync/source";

export type ScopeContext = {
  db: Database;
  source: ContactSource;
  organisationId: string;
  defaultCountry: string;
  config: SyncConfig;
  fieldTypes: FieldTypes;
  customers: SyncCustomer[];
};

/**
 * The plan for a scope of contacts: the full plan's semantics limited to them. Their current
 * state is fetched with the sync's own filters plus an Id list, and their existing People are
 * the only ones that can leave, so People of contacts outside the scope are left alone.
 */
export async function planScope(
  context: ScopeContext,
  contactIds: Set<string>,
  merges: MergedContacts,
): Promise<Plan> {
  const { db, source, config, fieldTypes } = context;
  const [existingPeople, positionNames] = await Promise.all([
    peopleOfContacts(db, context.organisationId, contactIds),
    positionNamesOf(db, context.organisationId),
  ]);
  const planner = createPlanner({
    config,
    fieldTypes,
    defaultCountry: context.defaultCountry,
    customers: context.customers,
    positionNames,
    existingPeople,
  });

  for (const soql of scopedQueries(config, fieldTypes, contactIds)) {
    for await (const page of source.query(soql, { small: true })) planner.add(page.records);
  }
  const folded = await foldMergesInPlan(planner.outline(), source, planner.existingByIds, merges);
  return materialisePlan(folded);
}

/** The sync's queries (split as a full run splits them) limited to these contacts. */
export function scopedQueries(config: SyncConfig, types: FieldTypes, contactIds: Set<string>) {
  const field = queryObjectOf(config) === "Contact" ? "Id" : "ContactId";
  return planSyncQueries(config, types).flatMap(({ groups }) =>
    queriesForIds(contactIds, field, (condition) =>
      buildSoql(config, types, { groups, extraConditions: [condition] }),
    ),
  );
}

async function peopleOfContacts(
  db: Database,
  organisationId: string,
  contactIds: Set<string>,
): Promise<ExistingPerson[]> {
  const keys = JSON.stringify([...new Set([...contactIds].map(contactKey))]);
  return db
    .select(existingPersonColumns)
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.source, "salesforce"),
        sql`left(${people.salesforceContactId}, 15) in
          (select value from jsonb_array_elements_text(${keys}::jsonb))`,
      ),
    );
}

async function positionNamesOf(db: Database, organisationId: string) {
  const rows = await db
    .select({ name: positions.name })
    .from(positions)
    .where(eq(positions.organisationId, organisationId));
  return rows.map((row) => row.name);
}
