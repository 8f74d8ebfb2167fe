import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { people } from "@/lib/db/schema";
import type { SyncConfig } from "@/lib/sync/config";
import { buildSyncQueries } from "@/lib/sync/soql-split";
import type { ContactSource } from "@/lib/sync/source";
import { validateConfig } from "@/lib/sync/validate";

const BATCH = 5_000;

/** Wall-clock seconds, and the CPU seconds this process spent (the database's are not in it). */
export async function timed<T>(
  work: () => Promise<T>,
): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/** The highest resident set size seen while it runs, sampled every `everyMs`. */
export function sampleRss(everyMs = 50) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}

/**
 * The sync's own queries, fetched through the same source and nothing else done with the
 * records: the fetch half of the limit. Describes and sign-in happen before the clock starts.
 */
export async function fetchOnly(source: ContactSource, config: SyncConfig) {
  const validated = validateConfig(config, await source.describes());
  if (!validated.ok) throw new Error(validated.issues.map((i) => i.message).join(" "));
  const queries = buildSyncQueries(validated.config, validated.fieldTypes);

  return timed(async () => {
    let records = 0;
    for (const soql of queries) {
      for await (const page of source.query(soql)) records += page.records.length;
    }
    return records;
  });
}

/**
 * The write half of the limit: the organisation's final People copied out, deleted and
 * vacuumed away, then written again with the jsonb batch insert the apply step uses (arrays read
 * by position), in one transaction. Only the inserts are timed; the rows come back with their own
 * ids, so nothing changes. The table is vacuumed first because a first sync writes into a table without this
 * organisation's People: inserted in the transaction that deleted them, the same rows took
 * 7.2-7.6 s at 100,000 contacts against 6.3-6.7 s into the vacuumed table (the unique indexes
 * still hold the deleted rows and check each against them), which flattered the ratio.
 */
export async function writeOnly(db: Database, organisationId: string) {
  const rows = await db
    .select()
    .from(people)
    .where(eq(people.organisationId, organisationId))
    .orderBy(asc(people.id));
  await db.delete(people).where(eq(people.organisationId, organisationId));
  await db.execute(sql`vacuum people`);

  let seconds = 0;
  await db.transaction(async (tx) => {
    const started = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + BATCH).map(columnsOf));
      await tx.execute(sql`
        insert into people (id, organisation_id, customer_id, source, salesforce_contact_id,
          first_name, last_name, email, phones, positions, custom_fields, archived_at,
          last_run_id, created_at, updated_at)
        select (e->>0)::uuid, ${organisationId}::uuid, (e->>1)::uuid, (e->>2)::person_source,
          e->>3, e->>4, e->>5, e->>6, e->7,
          array(select t.p from jsonb_array_elements_text(e->8) with ordinality as t(p, n)
            order by t.n),
          e->9, (e->>10)::timestamptz, (e->>11)::uuid, (e->>12)::timestamptz,
          (e->>13)::timestamptz
        from jsonb_array_elements(${batch}::jsonb) as r(e)`);
    }
    seconds = (performance.now() - started) / 1000;
  });
  return { rows: rows.length, seconds };
}

// By position, as the apply step's batches travel (lib/sync/apply.ts, rowOf).
function columnsOf(row: typeof people.$inferSelect) {
  return [
    row.id,
    row.customerId,
    row.source,
    row.salesforceContactId,
    row.firstName,
    row.lastName,
    row.email,
    row.phones,
    row.positions,
    row.customFields,
    row.archivedAt,
    row.lastRunId,
    row.createdAt,
    row.updatedAt,
  ];
}
