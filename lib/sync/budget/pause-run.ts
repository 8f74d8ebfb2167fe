import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncRuns, type SyncRun } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { ApiBudgetReached } from "@/lib/sync/budget/api-budget";
import { isApiLimitStop } from "@/lib/sync/budget/api-limit-stop";
import { requireFullRun } from "@/lib/sync/incremental/cursor-store";

/**
 * Ends a run stopped by the org's API limit as paused. The job that ran it ends normally, so
 * nothing retries it at once: the next scheduled run carries on. An incremental run keeps the
 * pages it applied (each with its cursor); a full run applied nothing, and the next run is full.
 */
export async function pauseRunForApiLimit(
  db: Database,
  run: Pick<SyncRun, "id" | "organisationId">,
  error: Error,
  mode: "full" | "incremental",
): Promise<{ status: "paused_api_limit"; run: SyncRun; message: string }> {
  const why =
    error instanceof ApiBudgetReached
      ? error.message
      : "Salesforce refused further API requests: the org has used all of its daily API requests.";
  const then =
    mode === "incremental"
      ? "The changes read before the stop were applied; the next run carries on from there."
      : "Nothing was changed; the next run starts this full sync again.";
  const message = `Paused: ${why} ${then}`;

  if (mode === "full") await requireFullRun(db, run.organisationId);
  const [paused] = await db
    .update(syncRuns)
    .set({ status: "paused_api_limit", phase: "paused", error: message, finishedAt: new Date() })
    .where(and(eq(syncRuns.id, run.id), eq(syncRuns.status, "running")))
    .returning();
  logger().warn({ runId: run.id, mode, reason: why }, "run paused: API limit");
  const [current] = paused
    ? [paused]
    : await db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
  return { status: "paused_api_limit", run: current!, message };
}

/** The paused result when the run stopped for the API limit; null for any other failure. */
export async function pauseIfApiLimit(
  db: Database,
  run: Pick<SyncRun, "id" | "organisationId">,
  error: unknown,
  mode: "full" | "incremental",
) {
  if (!isApiLimitStop(error)) return null;
  return pauseRunForApiLimit(db, run, error, mode);
}
