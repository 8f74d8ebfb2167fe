import "server-only";
import { databaseUrl, db } from "@/lib/db/client";
import { startBoss } from "@/lib/jobs/boss";
import type { RunQueue } from "@/lib/jobs/enqueue-run";

let started: Promise<RunQueue> | undefined;

/**
 * The run queue of a process that only sends jobs (the Next.js server): pg-boss without
 * maintenance or workers, started on first use and shared by every request.
 */
export function sharedRunQueue(): Promise<RunQueue> {
  started ??= startBoss(databaseUrl(), { supervise: false, max: 2 })
    .then((boss) => ({ db: db(), boss }))
    .catch((error: unknown) => {
      started = undefined;
      throw error;
    });
  return started;
}
