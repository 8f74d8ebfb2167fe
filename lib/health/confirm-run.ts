import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import {
  auditEvents,
  organisations,
  syncRunConfirmations,
  syncRuns,
  type SyncRun,
} from "@/lib/db/schema";
import { SyncError } from "@/lib/sync/errors";

function violates(error: unknown, constraint: string): boolean {
  const found = error as { constraint_name?: string; cause?: unknown } | undefined;
  if (!found || typeof found !== "object") return false;
  return found.constraint_name === constraint || violates(found.cause, constraint);
}

/**
 * An agent confirms a run held as a mass removal by typing the organisation's exact name (case
 * matters; surrounding spaces do not). The run is queued again and, when executed, may remove
 * as many People as it showed. The caller sends its job (see lib/jobs/confirm-and-enqueue.ts).
 */
export async function confirmRun(
  db: Database,
  runId: string,
  typedName: string,
  agentId: string | null = null,
): Promise<SyncRun> {
  try {
    return await db.transaction(async (tx) => {
      const [found] = await tx
        .select({ run: syncRuns, name: organisations.name })
        .from(syncRuns)
        .innerJoin(organisations, eq(organisations.id, syncRuns.organisationId))
        .where(eq(syncRuns.id, runId))
        .for("update", { of: syncRuns });
      if (!found) throw new SyncError("This run does not exist any more.");
      const { run, name } = found;
      if (run.status !== "awaiting_confirmation") {
        throw new SyncError(`This run is not waiting for a confirmation: it is ${run.status}.`);
      }
      if (typedName.trim() !== name) {
        throw new SyncError(
          "The name typed is not the organisation's name: type it exactly as shown, capitals included, to confirm the removal.",
        );
      }
      const [newer] = await tx
        .select({ id: syncRuns.id })
        .from(syncRuns)
        .where(
          and(
            eq(syncRuns.organisationId, run.organisationId),
            // In SQL: the column keeps microseconds that a Date read back has lost.
            gt(syncRuns.createdAt, sql`(select created_at from sync_runs where id = ${runId})`),
          ),
        )
        .limit(1);
      if (newer) {
        throw new SyncError(
          "A newer sync of this organisation exists; confirm that one if it asks.",
        );
      }

      const removals = (run.counts?.archive ?? 0) + (run.counts?.delete ?? 0);
      await tx
        .insert(syncRunConfirmations)
        .values({ runId, agentId, removals })
        .onConflictDoUpdate({ target: syncRunConfirmations.runId, set: { agentId, removals } });
      const [queued] = await tx
        .update(syncRuns)
        .set({
          status: "queued",
          phase: null,
          error: null,
          finishedAt: null,
          heartbeatAt: new Date(),
        })
        .where(eq(syncRuns.id, runId))
        .returning();
      await tx.insert(auditEvents).values({
        organisationId: run.organisationId,
        agentId,
        action: "sync_run.removal_confirmed",
        detail: { runId, removals },
      });
      return queued!;
    });
  } catch (error) {
    if (violates(error, "sync_runs_one_active")) {
      throw new SyncError(
        "Another sync of this organisation is queued or running; confirm again once it has finished.",
      );
    }
    throw error;
  }
}
