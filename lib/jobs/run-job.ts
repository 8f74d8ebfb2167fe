import "server-only";
import { eq } from "drizzle-orm";
import { syncRuns } from "@/lib/db/schema";
import type { RunJobData, RunMode, RunQueue } from "@/lib/jobs/enqueue-run";
import { keepHeartbeat } from "@/lib/jobs/heartbeat";
import { interruptStaleRun, retryInterruptedRun } from "@/lib/jobs/recover-run";

/** Executes one queued run; the product's executor is executeRun against the org's Salesforce. */
export type RunExecutor = (run: {
  runId: string;
  mode: RunMode;
  signal: AbortSignal;
}) => Promise<unknown>;

export type RunJobContext = RunQueue & {
  execute: RunExecutor;
  staleAfterSeconds: number;
  heartbeatEveryMs: number;
};

export type RunJobOutcome =
  | { outcome: "executed"; runId: string }
  | { outcome: "retried"; runId: string; retryRunId: string | null }
  | { outcome: "skipped"; runId: string; reason: string };

/** Thrown so pg-boss tries the job again later: the run is alive in another process. */
export class RunStillGoing extends Error {
  constructor(runId: string) {
    super(`Run ${runId} is still running elsewhere (its heartbeat is fresh); trying again later.`);
  }
}

/**
 * The job of one run, safe to deliver more than once: a queued run is executed; a run that
 * already ended is left alone; a running run whose heartbeat stopped (its process died) is
 * marked interrupted and one fresh retry run is queued. Apply is one transaction, so an
 * interrupted run applied nothing and the retry cannot apply anything twice.
 */
export async function handleRunJob(
  context: RunJobContext,
  data: RunJobData,
  signal: AbortSignal,
): Promise<RunJobOutcome> {
  signal.throwIfAborted();
  const [run] = await context.db.select().from(syncRuns).where(eq(syncRuns.id, data.runId));
  if (!run) return { outcome: "skipped", runId: data.runId, reason: "the run no longer exists" };

  if (run.status === "queued") {
    await executeWithHeartbeat(context, run.id, data.mode, signal);
    return { outcome: "executed", runId: run.id };
  }
  if (run.status !== "running") {
    return { outcome: "skipped", runId: run.id, reason: `the run is ${run.status} already` };
  }

  const interrupted = await interruptStaleRun(context.db, run.id, context.staleAfterSeconds);
  if (!interrupted) throw new RunStillGoing(run.id);
  const retry = await retryInterruptedRun(context, interrupted, data.mode);
  return { outcome: "retried", runId: run.id, retryRunId: retry?.id ?? null };
}

async function executeWithHeartbeat(
  context: RunJobContext,
  runId: string,
  mode: RunMode,
  signal: AbortSignal,
) {
  const stop = keepHeartbeat(context.db, runId, context.heartbeatEveryMs);
  try {
    await context.execute({ runId, mode, signal });
  } finally {
    stop();
  }
}
