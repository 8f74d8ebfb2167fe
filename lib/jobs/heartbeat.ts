import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncRuns } from "@/lib/db/schema";
import { logger } from "@/lib/logger";

export const DEFAULT_HEARTBEAT_EVERY_MS = 30_000;

/**
 * Keeps a running run's heartbeat fresh while its process lives, also through steps that report
 * no progress (one long apply transaction), so a stale heartbeat means the process died.
 * Returns the function that stops it.
 */
export function keepHeartbeat(db: Database, runId: string, everyMs = DEFAULT_HEARTBEAT_EVERY_MS) {
  const beat = async () => {
    try {
      await db
        .update(syncRuns)
        .set({ heartbeatAt: new Date() })
        .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "running")));
    } catch (error) {
      logger().warn({ err: error, runId }, "run heartbeat not written");
    }
  };
  const timer = setInterval(() => void beat(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
