import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncRuns } from "@/lib/db/schema";
import type { RunExecutor } from "@/lib/jobs/run-job";

/**
 * For the job tests (in this process and in worker processes): executes a run the way
 * executeRun moves its status, without Salesforce. `processed` counts the calls for a run, so
 * a run executed twice shows 2; `phase` names the process that executed it.
 */
export function recordingExecutor(db: Database, options: { workMs?: number } = {}): RunExecutor {
  return async ({ runId, signal }) => {
    await db
      .update(syncRuns)
      .set({ processed: sql`${syncRuns.processed} + 1` })
      .where(eq(syncRuns.id, runId));
    const [run] = await db
      .update(syncRuns)
      .set({
        status: "running",
        startedAt: new Date(),
        heartbeatAt: new Date(),
        phase: `pid ${process.pid}`,
      })
      .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "queued")))
      .returning();
    if (!run) throw new Error(`Run ${runId} was not queued.`);

    await sleep(options.workMs ?? 50, undefined, { signal });
    await db
      .update(syncRuns)
      .set({ status: "succeeded", finishedAt: new Date() })
      .where(eq(syncRuns.id, runId));
  };
}
