// The run modes of `npm run bench`, measured on its organisation after its own syncs: an
// incremental run with 1% of the contacts changed, and a first full sync through Bulk API 2.0.
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { people, syncCursors } from "@/lib/db/schema";
import type { RunOptions } from "@/lib/sync/incremental/prepare-run";
import { lazySource } from "@/lib/sync/lazy-source";
import { executeRun, startRun } from "@/lib/sync/run";
import { openContactSource, type SourceOptions } from "@/lib/sync/salesforce-source";
import { timed } from "./measurements";

export type RunModesInput = {
  db: Database;
  organisationId: string;
  /** Changes this share of the sandbox org's contacts; answers how many it changed. */
  touchContacts: (share: number) => Promise<number>;
  apiCalls: () => Promise<number>;
};

export async function measureRunModes(input: RunModesInput) {
  const { db, organisationId } = input;
  const sync = async (options: RunOptions & { source?: SourceOptions }) => {
    const run = await startRun(db, { organisationId, trigger: "cli", agentId: null });
    const source = lazySource(() => openContactSource(db, organisationId, options.source));
    const result = await executeRun(db, run.id, source, options);
    if (result.status !== "succeeded")
      throw new Error(`The run did not succeed: ${result.run.error}`);
    return result;
  };

  const touched = await input.touchContacts(0.01);
  const incremental = await timed(() => sync({ mode: "incremental" }));

  // A first full sync again: the People and the cursor go, then every query goes through Bulk.
  await db.delete(people).where(eq(people.organisationId, organisationId));
  await db.delete(syncCursors).where(eq(syncCursors.organisationId, organisationId));
  const callsBefore = await input.apiCalls();
  const bulk = await timed(() => sync({ mode: "full", source: { bulkThreshold: 0 } }));
  const bulkCalls = (await input.apiCalls()) - callsBefore;

  return {
    incremental_1pct_changed: touched,
    incremental_1pct_s: round(incremental.seconds),
    incremental_1pct_counts: incremental.value.plan.counts,
    bulk_full_sync_s: round(bulk.seconds),
    bulk_full_sync_created: bulk.value.plan.counts.create,
    bulk_api_calls: bulkCalls,
  };
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}
