import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, type Organisation, positions } from "@/lib/db/schema";
import type { SyncConfig } from "@/lib/sync/config";
import { createSyncContext } from "@/lib/sync/context";
import { mapRow } from "@/lib/sync/map";
import type { Outcome } from "@/lib/sync/plan-types";
import { readSyncRow } from "@/lib/sync/record";
import { buildSyncQueries } from "@/lib/sync/soql-split";
import type { ContactSource } from "@/lib/sync/source";
import { validateConfig } from "@/lib/sync/validate";
import { type StoredPreviewEntry, storedPerson } from "@/lib/sync/preview-entry";

const FIRST_LOOK_ROWS = 200;

/**
 * A row of the first look: what the map makes of one of the first records Salesforce returns.
 * Skips are already final; whether a placement creates, updates or leaves a person unchanged,
 * and which placements merge into one person, is known only once every record is planned.
 */
export type FirstLookRow = {
  seq: number;
  outcome: Outcome | null;
  reason: string | null;
  entry: StoredPreviewEntry;
};

/**
 * The first rows of a preview within a moment, whatever the size of the org: the first records
 * of the sync query (`LIMIT 200`), through the same map as the plan. The full plan of a large
 * org takes a while to fetch and plan; the table shows these rows until it is ready.
 */
export async function computeFirstLook(input: {
  db: Database;
  organisation: Organisation;
  config: SyncConfig;
  source: ContactSource;
}): Promise<FirstLookRow[] | null> {
  const { db, organisation, source } = input;
  const validated = validateConfig(input.config, await source.describes());
  // An invalid config is reported by the plan itself, with every issue.
  if (!validated.ok) return null;

  const [soql] = buildSyncQueries(validated.config, validated.fieldTypes);
  const [customerRows, positionRows] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        salesforceAccountId: customers.salesforceAccountId,
        parentCustomerId: customers.parentCustomerId,
      })
      .from(customers)
      .where(eq(customers.organisationId, organisation.id)),
    db
      .select({ name: positions.name })
      .from(positions)
      .where(eq(positions.organisationId, organisation.id)),
  ]);
  const context = createSyncContext({
    config: validated.config,
    fieldTypes: validated.fieldTypes,
    defaultCountry: organisation.defaultCountry,
    customers: customerRows,
    positionNames: positionRows.map((row) => row.name),
  });

  const rows: FirstLookRow[] = [];
  for await (const page of source.query(`${soql} LIMIT ${FIRST_LOOK_ROWS}`, { small: true })) {
    for (const record of page.records) {
      const mapped = mapRow(readSyncRow(record), context);
      const { placement, skip } = mapped.result;
      rows.push({
        seq: rows.length,
        outcome: skip ? "skip" : null,
        reason: skip?.reason ?? null,
        entry: {
          contact: mapped.contact,
          customer: placement && { id: placement.customer.id, name: placement.customer.name },
          matchedCustomers: placement
            ? [{ id: placement.matchedCustomer.id, name: placement.matchedCustomer.name }]
            : [],
          person: placement && storedPerson(placement.person),
          changes: [],
        },
      });
    }
  }
  return rows;
}
