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
 * vacuumed away, then written again with the jsonb batch insert the apply step uses, in one
 * transaction. Only the inserts are timed; the rows come back with their own ids, so nothing
 * changes. The table is vacuumed first because a first sync writes into a table without this
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
        select v.id, ${organisationId}::uuid, v.customer_id, v.source::person_source,
          v.salesforce_contact_id, v.first_name, v.last_name, v.email, v.phones, v.positions,
          v.custom_fields, v.archived_at, v.last_run_id, v.created_at, v.updated_at
        from jsonb_to_recordset(${batch}::jsonb) as v(id uuid, customer_id uuid, source text,
          salesforce_contact_id text, first_name text, last_name text, email text, phones jsonb,
          positions text[], custom_fields jsonb, archived_at timestamptz, last_run_id uuid,
          created_at timestamptz, updated_at timestamptz)`);
    }
    seconds = (performance.now() - started) / 1000;
  });
  return { rows: rows.length, seconds };
}

function columnsOf(row: typeof people.$inferSelect) {
  return {
    id: row.id,
    customer_id: row.customerId,
    source: row.source,
    salesforce_contact_id: row.salesforceContactId,
    first_name: row.firstName,
    last_name: row.lastName,
    email: row.email,
    phones: row.phones,
    positions: row.positions,
    custom_fields: row.customFields,
    archived_at: row.archivedAt,
    last_run_id: row.lastRunId,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
