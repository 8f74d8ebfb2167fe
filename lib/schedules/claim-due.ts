import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { organisations, syncSchedules, type SyncSchedule } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { nextRunAt } from "@/lib/schedules/next-run-at";

export type ClaimedSchedule = Pick<SyncSchedule, "organisationId" | "kind"> & { dueAt: Date };

const RETRY_BROKEN_SCHEDULE_MS = 60 * 60 * 1000;

/**
 * Takes the schedules that are due and moves each one's next run time forward, in one
 * transaction. Rows another process has locked are skipped and, once it commits, no longer due:
 * every due time is claimed by exactly one process. Times missed while nothing ran (the console
 * was off) are claimed once, not once per missed slot.
 */
export async function claimDueSchedules(db: Database, limit = 20): Promise<ClaimedSchedule[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        schedule: syncSchedules,
        timeZone: organisations.timeZone,
        now: sql`now()`.mapWith(syncSchedules.nextRunAt),
      })
      .from(syncSchedules)
      .innerJoin(organisations, eq(organisations.id, syncSchedules.organisationId))
      .where(and(eq(syncSchedules.paused, false), lte(syncSchedules.nextRunAt, sql`now()`)))
      .orderBy(asc(syncSchedules.nextRunAt))
      .limit(limit)
      .for("update", { of: syncSchedules, skipLocked: true });

    const claimed: ClaimedSchedule[] = [];
    for (const { schedule, timeZone, now } of due) {
      await tx
        .update(syncSchedules)
        .set({ nextRunAt: followingRun(schedule, timeZone, now), lastDueAt: schedule.nextRunAt })
        .where(
          and(
            eq(syncSchedules.organisationId, schedule.organisationId),
            eq(syncSchedules.kind, schedule.kind),
          ),
        );
      claimed.push({
        organisationId: schedule.organisationId,
        kind: schedule.kind,
        dueAt: schedule.nextRunAt!,
      });
    }
    return claimed;
  });
}

// A schedule saved with a valid time zone can meet one changed since; it must not be claimed
// again on every tick, so it waits an hour and says why.
function followingRun(schedule: SyncSchedule, timeZone: string, now: Date) {
  try {
    return nextRunAt(schedule, timeZone, now);
  } catch (error) {
    logger().error(
      { err: error, organisationId: schedule.organisationId, kind: schedule.kind },
      "schedule next run not computable",
    );
    return new Date(now.getTime() + RETRY_BROKEN_SCHEDULE_MS);
  }
}

/** Brings a claimed schedule back sooner, when its run could not start yet. */
export async function deferSchedule(db: Database, claimed: ClaimedSchedule, delayMs: number) {
  await db
    .update(syncSchedules)
    .set({
      nextRunAt: sql`least(${syncSchedules.nextRunAt}, now() + make_interval(secs => ${delayMs / 1000}))`,
    })
    .where(
      and(
        eq(syncSchedules.organisationId, claimed.organisationId),
        eq(syncSchedules.kind, claimed.kind),
        eq(syncSchedules.paused, false),
      ),
    );
}
