import "server-only";
import { enqueueRun, type RunQueue } from "@/lib/jobs/enqueue-run";
import { DEFAULT_STALE_AFTER_SECONDS, recoverStaleRuns } from "@/lib/jobs/recover-run";
import { releaseOrphanedJobs } from "@/lib/jobs/release-orphaned-jobs";
import { logger } from "@/lib/logger";
import { claimDueSchedules, deferSchedule, type ClaimedSchedule } from "@/lib/schedules/claim-due";
import { RunAlreadyGoing, SyncError } from "@/lib/sync/errors";

export type SchedulerOptions = {
  /** How often due schedules are looked for. */
  intervalMs?: number;
  batchSize?: number;
  staleAfterSeconds?: number;
  /** A full reconcile that finds a run going is tried again this much later. */
  deferReconcileMs?: number;
};

export type Scheduler = { tick: () => Promise<void>; stop: () => Promise<void> };

/**
 * One loop per process: queues the runs of due schedules, recovers runs whose process died and
 * releases their jobs.
 * Ticks never overlap; an error is logged and the next tick tries again.
 */
export function startScheduler(queue: RunQueue, options: SchedulerOptions = {}): Scheduler {
  const intervalMs = options.intervalMs ?? 15_000;
  const log = logger().child({ component: "scheduler" });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async () => {
    try {
      await queueDueRuns(queue, options);
      const staleAfterSeconds = options.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;
      await recoverStaleRuns(queue, staleAfterSeconds);
      await releaseOrphanedJobs(queue.boss, staleAfterSeconds);
    } catch (error) {
      log.error({ err: error }, "scheduler tick failed");
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();

  return {
    tick: () => (running = running.then(tick)),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

// Known limit: a process that dies between claiming a schedule and queueing its run loses that
// one due time; the schedule's next time (and the daily full reconcile) still come.
async function queueDueRuns(queue: RunQueue, options: SchedulerOptions) {
  const batchSize = options.batchSize ?? 20;
  for (;;) {
    const claimed = await claimDueSchedules(queue.db, batchSize);
    for (const schedule of claimed) await queueScheduledRun(queue, schedule, options);
    if (claimed.length < batchSize) return;
  }
}

async function queueScheduledRun(
  queue: RunQueue,
  schedule: ClaimedSchedule,
  options: SchedulerOptions,
) {
  const log = logger().child({ organisationId: schedule.organisationId, kind: schedule.kind });
  try {
    await enqueueRun(queue, {
      organisationId: schedule.organisationId,
      trigger: "schedule",
      agentId: null,
      mode: schedule.kind === "full_reconcile" ? "full" : "incremental",
    });
  } catch (error) {
    if (!(error instanceof SyncError)) {
      log.error({ err: error }, "scheduled run not queued");
      return;
    }
    // A sync due while another runs is covered by that run; a full reconcile is not.
    if (error instanceof RunAlreadyGoing && schedule.kind === "full_reconcile") {
      await deferSchedule(queue.db, schedule, options.deferReconcileMs ?? 5 * 60_000);
    }
    log.info({ reason: error.message }, "scheduled run not queued");
  }
}
