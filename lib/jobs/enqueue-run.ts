import "server-only";
import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { syncRuns, type SyncRun } from "@/lib/db/schema";
import { RUN_QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { startRun } from "@/lib/sync/run";

/** What a process needs to queue runs: the product's database and pg-boss on it. */
export type RunQueue = { db: Database; boss: PgBoss };

/** A full run reads everything; an incremental one only what changed (once runs can). */
export const runMode = z.enum(["incremental", "full"]);
export type RunMode = z.infer<typeof runMode>;

export const runJobData = z.object({
  runId: z.uuid(),
  organisationId: z.uuid(),
  mode: runMode.default("incremental"),
});
export type RunJobData = z.infer<typeof runJobData>;

export type EnqueueInput = {
  organisationId: string;
  trigger: SyncRun["trigger"];
  agentId: string | null;
  mode?: RunMode;
};

/**
 * Records a queued run (startRun throws RunAlreadyGoing while the organisation has one) and
 * sends its job. If the job cannot be sent the run is marked failed at once, so it does not
 * hold the organisation's one active slot.
 */
export async function enqueueRun(queue: RunQueue, input: EnqueueInput): Promise<SyncRun> {
  const run = await startRun(queue.db, {
    organisationId: input.organisationId,
    trigger: input.trigger,
    agentId: input.agentId,
  });
  await sendRunJob(queue, run, input.mode ?? "incremental");
  return run;
}

/** Sends the job of a run that is already queued (a new one, or one confirmed by an agent). */
export async function sendRunJob(queue: RunQueue, run: SyncRun, mode: RunMode) {
  const data: RunJobData = { runId: run.id, organisationId: run.organisationId, mode };
  try {
    const jobId = await queue.boss.send(RUN_QUEUE, data, { singletonKey: run.organisationId });
    logger().info({ runId: run.id, jobId, trigger: run.trigger, mode }, "run queued");
    return jobId;
  } catch (error) {
    await queue.db
      .update(syncRuns)
      .set({
        status: "failed",
        finishedAt: new Date(),
        error:
          "The sync could not be queued (the job queue did not answer); nothing was changed. Start it again.",
      })
      .where(eq(syncRuns.id, run.id));
    throw error;
  }
}
