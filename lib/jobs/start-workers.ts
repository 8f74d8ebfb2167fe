import "server-only";
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { RUN_QUEUE, startBoss, type BossOptions } from "@/lib/jobs/boss";
import { runJobData, type RunQueue } from "@/lib/jobs/enqueue-run";
import { DEFAULT_HEARTBEAT_EVERY_MS } from "@/lib/jobs/heartbeat";
import { DEFAULT_STALE_AFTER_SECONDS } from "@/lib/jobs/recover-run";
import { handleRunJob, type RunExecutor, type RunJobContext } from "@/lib/jobs/run-job";
import { startScheduler, type SchedulerOptions } from "@/lib/jobs/scheduler";
import { logger } from "@/lib/logger";

export type WorkerOptions = {
  /** Where pg-boss connects: the same database as `db` (PostgreSQL, or the embedded socket). */
  databaseUrl: string;
  db: Database;
  execute: RunExecutor;
  /** Runs this process executes at once. */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  boss?: BossOptions;
  /** false: this process only works jobs, and queues no scheduled runs. */
  scheduler?: SchedulerOptions | false;
  staleAfterSeconds?: number;
  heartbeatEveryMs?: number;
};

export type Workers = {
  queue: RunQueue;
  boss: PgBoss;
  /** Stops taking jobs, lets running ones finish for up to `timeoutMs`, then aborts them. */
  stop: (options?: { timeoutMs?: number }) => Promise<void>;
};

/** Starts the run workers and the scheduler of this process, on pg-boss in the same database. */
export async function startWorkers(options: WorkerOptions): Promise<Workers> {
  const log = logger().child({ component: "workers" });
  const boss = await startBoss(options.databaseUrl, options.boss);
  const queue: RunQueue = { db: options.db, boss };
  const staleAfterSeconds = options.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;
  const context: RunJobContext = {
    ...queue,
    execute: options.execute,
    staleAfterSeconds,
    heartbeatEveryMs: options.heartbeatEveryMs ?? DEFAULT_HEARTBEAT_EVERY_MS,
  };
  const active = new Set<AbortController>();

  const work = async ([job]: PgBoss.Job<unknown>[]) => {
    const parsed = runJobData.safeParse(job!.data);
    if (!parsed.success) return { outcome: "skipped", reason: "the job carries no run" };

    // pg-boss gives up on a job after expireInSeconds and retries it; this one stops too.
    const controller = new AbortController();
    const expiry = setTimeout(
      () => controller.abort(new Error("run job expired")),
      job!.expireInSeconds * 1000,
    );
    active.add(controller);
    try {
      return await handleRunJob(context, parsed.data, controller.signal);
    } finally {
      clearTimeout(expiry);
      active.delete(controller);
    }
  };
  const concurrency = options.concurrency ?? 2;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (let i = 0; i < concurrency; i++) {
    await boss.work(RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds }, work);
  }

  const scheduler =
    options.scheduler === false
      ? undefined
      : startScheduler(queue, { staleAfterSeconds, ...options.scheduler });
  log.info({ concurrency, scheduler: scheduler !== undefined }, "workers started");

  return {
    queue,
    boss,
    stop: async ({ timeoutMs = 20_000 } = {}) => {
      await scheduler?.stop();
      const abortAll = setTimeout(
        () => active.forEach((c) => c.abort(new Error("worker shutting down"))),
        Math.max(0, timeoutMs - 2_000),
      );
      // Jobs still running at the timeout are failed by pg-boss and retried elsewhere.
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
      clearTimeout(abortAll);
      log.info("workers stopped");
    },
  };
}
