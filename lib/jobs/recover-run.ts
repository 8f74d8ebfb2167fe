import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncRuns, type SyncRun } from "@/lib/db/schema";
import { enqueueRun, type RunMode, type RunQueue } from "@/lib/jobs/enqueue-run";
import { logger } from "@/lib/logger";
import { RunAlreadyGoing, SyncError } from "@/lib/sync/errors";

/** Matches run.ts: a run whose heartbeat is older than this was cut off. */
export const DEFAULT_STALE_AFTER_SECONDS = 120;

const INTERRUPTED =
  "The process running this sync stopped before it finished; nothing it planned was applied.";

function staleSince(staleAfterSeconds: number) {
  return lt(syncRuns.heartbeatAt, sql`now() - make_interval(secs => ${staleAfterSeconds})`);
}

/**
 * Marks a running run whose heartbeat stopped as interrupted. The condition is checked in the
 * same statement, so of two processes noticing the same run only one gets it back.
 */
export async function interruptStaleRun(db: Database, runId: string, staleAfterSeconds: number) {
  const [run] = await db
    .update(syncRuns)
    .set({ status: "interrupted", finishedAt: new Date(), error: INTERRUPTED })
    .where(
      and(eq(syncRuns.id, runId), eq(syncRuns.status, "running"), staleSince(staleAfterSeconds)),
    )
    .returning();
  return run;
}

/** Running runs whose process died: found on every scheduler tick, job or no job. */
export async function staleRuns(db: Database, staleAfterSeconds: number, limit = 20) {
  return db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.status, "running"), staleSince(staleAfterSeconds)))
    .limit(limit);
}

/**
 * Queues one fresh run (trigger "retry") for an interrupted run. A retry that is interrupted
 * in turn is not retried again, so a run that kills its process cannot loop.
 */
export async function retryInterruptedRun(
  queue: RunQueue,
  interrupted: SyncRun,
  mode: RunMode,
): Promise<SyncRun | undefined> {
  const log = logger().child({ runId: interrupted.id, organisationId: interrupted.organisationId });
  if (interrupted.trigger === "retry") {
    log.warn("retry run interrupted as well; not retrying again");
    return undefined;
  }

  try {
    const retry = await enqueueRun(queue, {
      organisationId: interrupted.organisationId,
      trigger: "retry",
      agentId: interrupted.agentId,
      mode,
    });
    log.info({ retryRunId: retry.id }, "interrupted run retried");
    return retry;
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    // RunAlreadyGoing: another run already covers it; otherwise (no config) nothing can run.
    const level = error instanceof RunAlreadyGoing ? "info" : "warn";
    log[level]({ reason: error.message }, "interrupted run not retried");
    return undefined;
  }
}

/** Interrupts and retries every stale run; returns how many it recovered. */
export async function recoverStaleRuns(queue: RunQueue, staleAfterSeconds: number) {
  let recovered = 0;
  for (const { id } of await staleRuns(queue.db, staleAfterSeconds)) {
    const interrupted = await interruptStaleRun(queue.db, id, staleAfterSeconds);
    if (!interrupted) continue;
    recovered += 1;
    await retryInterruptedRun(queue, interrupted, "full");
  }
  return recovered;
}
