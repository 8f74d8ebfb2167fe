import "server-only";
import PgBoss from "pg-boss";
import { logger } from "@/lib/logger";

/** The queue every sync run goes through, manual or scheduled; one job per run. */
export const RUN_QUEUE = "sync-run";

export type BossOptions = {
  /** Connections pg-boss may open; the embedded database serves every process on one socket. */
  max?: number;
  /** Whether this process expires stale jobs and archives old ones (every process may). */
  supervise?: boolean;
  maintenanceIntervalSeconds?: number;
  /** A run job still active after this long is failed by pg-boss and retried. */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
};

export const DEFAULT_BOSS_OPTIONS = {
  max: 4,
  supervise: true,
  maintenanceIntervalSeconds: 60,
  expireInSeconds: 60 * 60,
  retryLimit: 3,
  retryDelaySeconds: 30,
} satisfies Required<BossOptions>;

/**
 * Starts pg-boss on the product's own database (its tables live in the `pgboss` schema) and
 * makes sure the run queue exists. pg-boss exits the process on an unhandled `error` event, so
 * errors are logged here instead.
 */
export async function startBoss(databaseUrl: string, options: BossOptions = {}): Promise<PgBoss> {
  const settings = { ...DEFAULT_BOSS_OPTIONS, ...options };
  const boss = new PgBoss({
    connectionString: databaseUrl,
    application_name: "contact-sync-jobs",
    max: settings.max,
    supervise: settings.supervise,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
    // Schedules are ours (sync_schedules), read in each organisation's time zone.
    schedule: false,
  });
  const log = logger().child({ component: "jobs" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));

  await boss.start();
  await createRunQueue(boss, settings);
  return boss;
}

/** PostgreSQL's code for a transaction it aborted to break a deadlock. */
const DEADLOCK_DETECTED = "40P01";
const CREATE_QUEUE_ATTEMPTS = 5;

/**
 * Makes sure the run queue exists. pg-boss 10's create_queue inserts the queue row and then
 * attaches a partition with a foreign key to that table inside one transaction, so two processes
 * creating the queue on a fresh database at the same moment (workers started together) can
 * deadlock; PostgreSQL aborts one, the other commits the queue. The aborted one tries again and
 * finds the queue already there.
 */
async function createRunQueue(boss: PgBoss, settings: Required<BossOptions>) {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(RUN_QUEUE)) return;
    try {
      // Singleton: at most one active run job per organisation (the singleton key); the
      // database's one-active-run index stays the real guard.
      await boss.createQueue(RUN_QUEUE, {
        name: RUN_QUEUE,
        policy: "singleton",
        expireInSeconds: settings.expireInSeconds,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        retryBackoff: true,
      });
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== DEADLOCK_DETECTED || attempt >= CREATE_QUEUE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}
