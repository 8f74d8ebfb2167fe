import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { syncRuns, syncSchedules } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { eventually, seedConfiguredOrganisation, testDatabaseUrl } from "@/lib/jobs/test-support";
import { setSchedule } from "@/lib/schedules/schedule-store";
import {
  startWorkerProcess,
  stopWorkerProcess,
  type WorkerProcess,
} from "@/lib/jobs/worker-processes";

const WORKERS = 3;
const ORGANISATIONS = 30;

describeEachDatabase("three worker processes", (database) => {
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    for (const worker of workers) await stopWorkerProcess(worker.child);
  });

  test("every due run of thirty scheduled organisations executes exactly once", async () => {
    const { db } = database();
    const ids: string[] = [];
    for (let i = 0; i < ORGANISATIONS; i++) {
      const organisation = await seedConfiguredOrganisation(db, { timeZone: "America/Chicago" });
      await setSchedule(db, {
        organisationId: organisation.id,
        kind: "sync",
        // Once a year, so the next slot after the claimed one is never inside the test.
        rule: { type: "cron", cron: "0 6 1 7 *" },
        agentId: null,
      });
      ids.push(organisation.id);
    }

    for (let i = 0; i < WORKERS; i++) workers.push(startWorkerProcess(testDatabaseUrl(database())));
    await Promise.all(workers.map((worker) => worker.ready));
    // All due at once, while three schedulers and six work loops compete for them.
    await db
      .update(syncSchedules)
      .set({ nextRunAt: sql`now()` })
      .where(and(inArray(syncSchedules.organisationId, ids), eq(syncSchedules.kind, "sync")));

    const runsOfOrganisations = () =>
      db.select().from(syncRuns).where(inArray(syncRuns.organisationId, ids));
    await eventually(
      "thirty finished runs",
      async () => {
        const runs = await runsOfOrganisations();
        return runs.filter((run) => run.status === "succeeded").length >= ORGANISATIONS;
      },
      40_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const runs = await runsOfOrganisations();
    expect({
      runs: runs.length,
      organisations: new Set(runs.map((run) => run.organisationId)).size,
      outcomes: [...new Set(runs.map((run) => `${run.trigger} ${run.status} ${run.processed}`))],
    }).toEqual({
      runs: ORGANISATIONS,
      organisations: ORGANISATIONS,
      outcomes: ["schedule succeeded 1"],
    });
    // pg-boss decides which process takes a job; with six loops competing, more than one does.
    expect(new Set(runs.map((run) => run.phase)).size).toBeGreaterThanOrEqual(2);

    const schedules = await db
      .select()
      .from(syncSchedules)
      .where(and(inArray(syncSchedules.organisationId, ids), eq(syncSchedules.kind, "sync")));
    expect(schedules.every((s) => s.nextRunAt!.getTime() > Date.now())).toBe(true);

    const codes = await Promise.all(workers.map((worker) => stopWorkerProcess(worker.child)));
    expect(codes).toEqual([0, 0, 0]);
  });
});
