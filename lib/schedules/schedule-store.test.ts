import { and, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { syncSchedules } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { seedConfiguredOrganisation } from "@/lib/jobs/test-support";
import { claimDueSchedules } from "@/lib/schedules/claim-due";
import { nextRunAt } from "@/lib/schedules/next-run-at";
import {
  listSchedules,
  pauseSchedule,
  resumeSchedule,
  setSchedule,
} from "@/lib/schedules/schedule-store";

describeEachDatabase("sync schedules", (database) => {
  test("sets a schedule in the organisation's time zone, with the daily full reconcile", async () => {
    const { db } = database();
    const organisation = await seedConfiguredOrganisation(db, { timeZone: "Asia/Tokyo" });
    const before = new Date();

    const saved = await setSchedule(db, {
      organisationId: organisation.id,
      kind: "sync",
      rule: { type: "cron", cron: "0 9 * * 1-5" },
      agentId: null,
    });

    expect(saved.nextRunAt!.getTime()).toBe(
      nextRunAt({ everyHours: null, cron: "0 9 * * 1-5" }, "Asia/Tokyo", before).getTime(),
    );
    // 09:00 in Tokyo is 00:00 UTC; no daylight saving there.
    expect(saved.nextRunAt!.getUTCHours()).toBe(0);
    const schedules = await listSchedules(db, organisation.id);
    expect(schedules.map((s) => [s.kind, s.description, s.paused])).toEqual([
      ["sync", "cron 0 9 * * 1-5", false],
      ["full_reconcile", "cron 0 4 * * *", false],
    ]);
  });

  test("pauses in one call and resumes from now on, keeping the rule", async () => {
    const { db } = database();
    const organisation = await seedConfiguredOrganisation(db);
    const key = { organisationId: organisation.id, kind: "sync" as const };
    await setSchedule(db, { ...key, rule: { type: "interval", everyHours: 6 }, agentId: null });

    const paused = await pauseSchedule(db, key, null);
    expect([paused.paused, paused.nextRunAt]).toEqual([true, null]);
    const changed = await setSchedule(db, {
      ...key,
      rule: { type: "interval", everyHours: 12 },
      agentId: null,
    });
    expect([changed.paused, changed.nextRunAt, changed.everyHours]).toEqual([true, null, 12]);

    const resumed = await resumeSchedule(db, key, null);
    expect(resumed.paused).toBe(false);
    expect(resumed.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect([0, 12]).toContain(resumed.nextRunAt!.getUTCHours());
  });

  test("hands each due schedule to one claimer and moves it to its next time", async () => {
    const { db } = database();
    const organisations = [];
    for (let i = 0; i < 4; i++) {
      organisations.push(await seedConfiguredOrganisation(db, { timeZone: "Europe/Berlin" }));
    }
    for (const organisation of organisations) {
      await setSchedule(db, {
        organisationId: organisation.id,
        kind: "sync",
        rule: { type: "interval", everyHours: 1 },
        agentId: null,
      });
      await db
        .update(syncSchedules)
        .set({ nextRunAt: sql`now() - interval '1 minute'` })
        .where(
          and(eq(syncSchedules.organisationId, organisation.id), eq(syncSchedules.kind, "sync")),
        );
    }

    const claims = await Promise.all([
      claimDueSchedules(db, 2),
      claimDueSchedules(db, 2),
      claimDueSchedules(db, 2),
    ]);
    const mine = new Set(organisations.map((o) => o.id));
    const claimed = claims.flat().filter((c) => mine.has(c.organisationId));
    expect(claimed).toHaveLength(4);
    expect(new Set(claimed.map((c) => c.organisationId)).size).toBe(4);
    expect(claimed.every((c) => c.kind === "sync")).toBe(true);
    expect((await claimDueSchedules(db, 10)).filter((c) => mine.has(c.organisationId))).toEqual([]);

    const [row] = await listSchedules(db, organisations[0]!.id);
    expect(row!.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row!.nextRunAt!.getUTCMinutes()).toBe(0);
  });
});
