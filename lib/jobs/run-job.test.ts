import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { syncRuns } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { enqueueRun, sendRunJob } from "@/lib/jobs/enqueue-run";
import { recoverStaleRuns } from "@/lib/jobs/recover-run";
import { handleRunJob, RunStillGoing, type RunJobContext } from "@/lib/jobs/run-job";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { recordingExecutor } from "@/lib/jobs/test-executor";
import { eventually, seedConfiguredOrganisation, testDatabaseUrl } from "@/lib/jobs/test-support";
import { RunAlreadyGoing } from "@/lib/sync/errors";
import { startRun } from "@/lib/sync/run";

describeEachDatabase("run jobs", (database) => {
  let workers: Workers;

  beforeAll(async () => {
    const { db } = database();
    workers = await startWorkers({
      databaseUrl: testDatabaseUrl(database()),
      db,
      execute: recordingExecutor(db),
      concurrency: 2,
      pollingIntervalSeconds: 0.5,
      scheduler: false,
      boss: { max: 2, retryDelaySeconds: 1 },
    });
  });
  afterAll(async () => {
    await workers?.stop({ timeoutMs: 2_000 });
  });

  async function runsOf(organisationId: string) {
    return database()
      .db.select()
      .from(syncRuns)
      .where(eq(syncRuns.organisationId, organisationId))
      .orderBy(syncRuns.createdAt);
  }

  async function settled(organisationId: string, count: number) {
    return eventually(`${count} ended runs`, async () => {
      const runs = await runsOf(organisationId);
      const ended = runs.filter((run) => !["queued", "running"].includes(run.status));
      return ended.length === count && runs;
    });
  }

  // A process that died mid-run: its run stays running and its heartbeat stops.
  async function startDeadRun(organisationId: string, trigger: "manual" | "retry" = "manual") {
    const run = await startRun(database().db, { organisationId, trigger, agentId: null });
    await database()
      .db.update(syncRuns)
      .set({ status: "running", heartbeatAt: sql`now() - interval '10 minutes'` })
      .where(eq(syncRuns.id, run.id));
    return run;
  }

  test("executes one run when an organisation is enqueued twice at once", async () => {
    const organisation = await seedConfiguredOrganisation(database().db);
    const input = { organisationId: organisation.id, trigger: "manual" as const, agentId: null };

    const results = await Promise.allSettled([
      enqueueRun(workers.queue, input),
      enqueueRun(workers.queue, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RunAlreadyGoing);

    const runs = await settled(organisation.id, 1);
    expect(runs.map((run) => [run.status, run.processed])).toEqual([["succeeded", 1]]);
  });

  test("marks a run cut off by a dead process interrupted and retries it once", async () => {
    const organisation = await seedConfiguredOrganisation(database().db);
    const dead = await startDeadRun(organisation.id);

    await sendRunJob(workers.queue, dead, "incremental");
    const runs = await settled(organisation.id, 2);

    expect(runs.map((run) => [run.trigger, run.status, run.processed])).toEqual([
      ["manual", "interrupted", 0],
      ["retry", "succeeded", 1],
    ]);
    expect(runs[0]!.error).toBe(
      "The process running this sync stopped before it finished; nothing it planned was applied.",
    );
  });

  test("recovers a dead run that has no job left, on the scheduler's sweep", async () => {
    const organisation = await seedConfiguredOrganisation(database().db);
    const dead = await startDeadRun(organisation.id);

    expect(await recoverStaleRuns(workers.queue, 120)).toBeGreaterThanOrEqual(1);
    const runs = await settled(organisation.id, 2);
    expect(runs.map((run) => [run.id === dead.id, run.trigger, run.status])).toEqual([
      [true, "manual", "interrupted"],
      [false, "retry", "succeeded"],
    ]);
  });

  test("does not retry a retry run that was cut off too", async () => {
    const organisation = await seedConfiguredOrganisation(database().db);
    const dead = await startDeadRun(organisation.id, "retry");

    await sendRunJob(workers.queue, dead, "incremental");
    const runs = await settled(organisation.id, 1);
    expect(runs.map((run) => [run.trigger, run.status])).toEqual([["retry", "interrupted"]]);
  });

  test("leaves a job alone when its run has ended, and retries later while it is alive", async () => {
    const { db } = database();
    const organisation = await seedConfiguredOrganisation(db);
    const run = await startRun(db, {
      organisationId: organisation.id,
      trigger: "cli",
      agentId: null,
    });
    const context: RunJobContext = {
      ...workers.queue,
      execute: recordingExecutor(db),
      staleAfterSeconds: 120,
      heartbeatEveryMs: 1_000,
    };
    const data = { runId: run.id, organisationId: organisation.id, mode: "full" as const };
    const signal = new AbortController().signal;

    await db
      .update(syncRuns)
      .set({ status: "running", heartbeatAt: new Date() })
      .where(eq(syncRuns.id, run.id));
    await expect(handleRunJob(context, data, signal)).rejects.toBeInstanceOf(RunStillGoing);

    await db.update(syncRuns).set({ status: "succeeded" }).where(eq(syncRuns.id, run.id));
    expect(await handleRunJob(context, data, signal)).toEqual({
      outcome: "skipped",
      runId: run.id,
      reason: "the run is succeeded already",
    });
    const [after] = await db
      .select()
      .from(syncRuns)
      .where(and(eq(syncRuns.id, run.id)));
    expect(after!.processed).toBe(0);
  });

  test("does not start a run once the job's signal is aborted", async () => {
    const { db } = database();
    const organisation = await seedConfiguredOrganisation(db);
    const run = await startRun(db, {
      organisationId: organisation.id,
      trigger: "cli",
      agentId: null,
    });
    const context: RunJobContext = {
      ...workers.queue,
      execute: recordingExecutor(db),
      staleAfterSeconds: 120,
      heartbeatEveryMs: 1_000,
    };
    const controller = new AbortController();
    controller.abort(new Error("worker shutting down"));

    await expect(
      handleRunJob(
        context,
        { runId: run.id, organisationId: organisation.id, mode: "full" },
        controller.signal,
      ),
    ).rejects.toThrow("worker shutting down");
    const [after] = await db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
    expect(after!.status).toBe("queued");
  });
});
