import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncRuns } from "@/lib/db/schema";
import type { RunExecutor } from "@/lib/jobs/run-job";
import { lazySource } from "@/lib/sync/lazy-source";
import type { RunOptions } from "@/lib/sync/incremental/prepare-run";
import { executeRun } from "@/lib/sync/run";
import { openContactSource, type SourceOptions } from "@/lib/sync/salesforce-source";

/** Tuning of every run this executor starts: Bulk threshold, API budget, overlap window. */
export type ExecutorOptions = { source?: SourceOptions; run?: Omit<RunOptions, "mode"> };

/**
 * The product's executor: executeRun against the organisation's Salesforce org. The source
 * opens inside executeRun's error handling, so a refused login fails the run with its reason.
 * Known limit: executeRun takes no abort signal yet, so an aborted job stops only before the run
 * starts; once started, the run finishes (or its process dies and the run is retried).
 */
export function salesforceExecutor(db: Database, options: ExecutorOptions = {}): RunExecutor {
  return async ({ runId, mode, signal }) => {
    signal.throwIfAborted();
    const [run] = await db
      .select({ organisationId: syncRuns.organisationId })
      .from(syncRuns)
      .where(eq(syncRuns.id, runId));
    if (!run) return undefined;

    const source = lazySource(() => openContactSource(db, run.organisationId, options.source));
    const result = await executeRun(db, runId, source, { ...options.run, mode });
    return { status: result.status };
  };
}
