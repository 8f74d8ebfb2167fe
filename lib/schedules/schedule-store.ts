import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import {
  auditEvents,
  organisations,
  scheduleKind,
  syncSchedules,
  type SyncSchedule,
} from "@/lib/db/schema";
import { ScheduleError } from "@/lib/schedules/errors";
import { nextRunAt } from "@/lib/schedules/next-run-at";
import {
  describeRule,
  ruleColumns,
  scheduleRuleSchema,
  type StoredRule,
} from "@/lib/schedules/schedule-rule";

export type ScheduleKind = SyncSchedule["kind"];

/** Daily at 04:00 local: a time that exists, and happens once, on every daylight saving night. */
export const DEFAULT_FULL_RECONCILE: StoredRule = { everyHours: null, cron: "0 4 * * *" };

/** What a server action takes to set a schedule; the form shares it. */
export const setScheduleInput = z.object({
  organisationId: z.uuid(),
  kind: z.enum(scheduleKind.enumValues),
  rule: scheduleRuleSchema,
});

export type SetScheduleInput = z.infer<typeof setScheduleInput> & { agentId: string | null };

async function timeZoneOf(db: Database, organisationId: string) {
  const [row] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw new ScheduleError("This organisation does not exist any more.");
  return row.timeZone;
}

/**
 * Saves the rule of one of the organisation's schedules and its next due time; a paused schedule
 * stays paused. The first sync schedule also brings the daily full reconcile with it.
 */
export async function setSchedule(db: Database, input: SetScheduleInput): Promise<SyncSchedule> {
  const rule = ruleColumns(scheduleRuleSchema.parse(input.rule));
  const timeZone = await timeZoneOf(db, input.organisationId);
  const next = nextRunAt(rule, timeZone, new Date());

  return db.transaction(async (tx) => {
    const key = { organisationId: input.organisationId, kind: input.kind };
    const [existing] = await tx.select().from(syncSchedules).where(scheduleIs(key)).for("update");
    const values = {
      ...rule,
      nextRunAt: existing?.paused ? null : next,
      updatedBy: input.agentId,
      updatedAt: new Date(),
    };
    const [saved] = await tx
      .insert(syncSchedules)
      .values({ ...key, ...values })
      .onConflictDoUpdate({
        target: [syncSchedules.organisationId, syncSchedules.kind],
        set: values,
      })
      .returning();

    if (input.kind === "sync") {
      const reconcile = { organisationId: input.organisationId, kind: "full_reconcile" as const };
      const reconcileNext = nextRunAt(DEFAULT_FULL_RECONCILE, timeZone, new Date());
      await tx
        .insert(syncSchedules)
        .values({ ...reconcile, ...DEFAULT_FULL_RECONCILE, nextRunAt: reconcileNext })
        .onConflictDoNothing();
    }
    await tx.insert(auditEvents).values({
      organisationId: input.organisationId,
      agentId: input.agentId,
      action: "sync_schedule.saved",
      detail: { kind: input.kind, rule: describeRule(rule) },
    });
    return saved!;
  });
}

type ScheduleKey = { organisationId: string; kind: ScheduleKind };

function scheduleIs(key: ScheduleKey) {
  return and(
    eq(syncSchedules.organisationId, key.organisationId),
    eq(syncSchedules.kind, key.kind),
  );
}

/** One click: no run is due until the schedule is resumed. */
export async function pauseSchedule(db: Database, key: ScheduleKey, agentId: string | null) {
  return setPaused(db, key, agentId, true);
}

/** Due again from now on: runs missed while paused are not made up. */
export async function resumeSchedule(db: Database, key: ScheduleKey, agentId: string | null) {
  return setPaused(db, key, agentId, false);
}

async function setPaused(db: Database, key: ScheduleKey, agentId: string | null, paused: boolean) {
  const timeZone = await timeZoneOf(db, key.organisationId);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(syncSchedules).where(scheduleIs(key)).for("update");
    if (!existing)
      throw new ScheduleError("This organisation has no such schedule yet; set one first.");

    const [saved] = await tx
      .update(syncSchedules)
      .set({
        paused,
        nextRunAt: paused ? null : nextRunAt(existing, timeZone, new Date()),
        updatedBy: agentId,
        updatedAt: new Date(),
      })
      .where(scheduleIs(key))
      .returning();
    await tx.insert(auditEvents).values({
      organisationId: key.organisationId,
      agentId,
      action: paused ? "sync_schedule.paused" : "sync_schedule.resumed",
      detail: { kind: key.kind },
    });
    return saved!;
  });
}

/** The organisation's schedules with their rule in words, for its page. */
export async function listSchedules(db: Database, organisationId: string) {
  const rows = await db
    .select()
    .from(syncSchedules)
    .where(eq(syncSchedules.organisationId, organisationId))
    .orderBy(syncSchedules.kind);
  return rows.map((row) => ({ ...row, description: describeRule(row) }));
}
