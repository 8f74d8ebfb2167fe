import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { people, syncRunConfirmations, syncRuns, type SyncRun } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import {
  DEFAULT_MASS_REMOVAL_SHARE,
  massRemovalCheck,
  type MassRemovalCheck,
} from "@/lib/health/mass-removal";
import type { Plan } from "@/lib/sync/plan-types";

export type MassRemoval = Extract<MassRemovalCheck, { ok: false }>;

/** The organisation's People a sync wrote and has not removed. */
export async function countSyncedPeople(db: Database, organisationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.source, "salesforce"),
        isNull(people.archivedAt),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The mass removal a run must stop for, or null to go on: under the share, or confirmed by an
 * agent for at least as many removals as this plan makes.
 */
export async function massRemovalHold(
  db: Database,
  input: { runId: string; organisationId: string; plan: Pick<Plan, "counts">; share?: number },
): Promise<MassRemoval | null> {
  const existing = await countSyncedPeople(db, input.organisationId);
  const check = massRemovalCheck(input.plan, existing, input.share ?? DEFAULT_MASS_REMOVAL_SHARE);
  if (check.ok) return null;

  const [confirmation] = await db
    .select()
    .from(syncRunConfirmations)
    .where(eq(syncRunConfirmations.runId, input.runId));
  if (confirmation && check.removals <= confirmation.removals) return null;
  return check;
}

/** Ends a running run before it applies anything, waiting for an agent's confirmation. */
export async function holdRunForConfirmation(
  db: Database,
  runId: string,
  plan: Pick<Plan, "counts">,
  hold: MassRemoval,
): Promise<SyncRun> {
  const [run] = await db
    .update(syncRuns)
    .set({
      status: "awaiting_confirmation",
      phase: "awaiting confirmation",
      counts: plan.counts,
      error: hold.message,
      finishedAt: new Date(),
    })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "running")))
    .returning();
  logger().warn(
    { runId, removals: hold.removals, existing: hold.existing },
    "run held: mass removal needs confirmation",
  );
  return run!;
}
