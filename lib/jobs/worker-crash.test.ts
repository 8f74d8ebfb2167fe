import { eq } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { syncRuns } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { startBoss } from "@/lib/jobs/boss";
import { enqueueRun } from "@/lib/jobs/enqueue-run";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { recordingExecutor } from "@/lib/jobs/test-executor";
import { eventually, seedConfiguredOrganisation, testDatabaseUrl } from "@/lib/jobs/test-support";
import {
  startWorkerProcess,
  stopWorkerProcess,
  type WorkerProcess,
} from "@/lib/jobs/worker-processes";

describeEachDatabase("a worker process killed mid-run", (database) => {
  let crashing: WorkerProcess | undefined;
  let survivors: Workers | undefined;
  afterAll(async () => {
    if (crashing) await stopWorkerProcess(crashing.child, "SIGKILL");
    await survivors?.stop({ timeoutMs: 2_000 });
  });

  test("leaves its run interrupted and a fresh retry run succeeds elsewhere", async () => {
    const { db } = database();
    const url = testDatabaseUrl(database());
    const organisation = await seedConfiguredOrganisation(db);

    // A run that takes a minute, in a process that beats its heartbeat every 200 ms.
    crashing = startWorkerProcess(url, [
      "--work-ms",
      "60000",
      "--heartbeat-ms",
      "200",
      "--no-scheduler",
    ]);
    await crashing.ready;
    const sender = await startBoss(url, { supervise: false, max: 1 });
    const run = await enqueueRun(
      { db, boss: sender },
      { organisationId: organisation.id, trigger: "manual", agentId: null },
    );
    await sender.stop({ graceful: false });
    await eventually("the run to start", async () => {
      const [row] = await db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
      return row?.status === "running";
    });

    expect(await stopWorkerProcess(crashing.child, "SIGKILL")).toBeNull();
    survivors = await startWorkers({
      databaseUrl: url,
      db,
      execute: recordingExecutor(db),
      pollingIntervalSeconds: 0.5,
      staleAfterSeconds: 1,
      heartbeatEveryMs: 200,
      scheduler: { intervalMs: 300 },
      boss: { max: 2, retryDelaySeconds: 1 },
    });

    const runs = await eventually("the retry run to succeed", async () => {
      const rows = await db
        .select()
        .from(syncRuns)
        .where(eq(syncRuns.organisationId, organisation.id))
        .orderBy(syncRuns.createdAt);
      return rows.some((row) => row.status === "succeeded") && rows;
    });
    expect(runs.map((row) => [row.id === run.id, row.trigger, row.status, row.processed])).toEqual([
      [true, "manual", "interrupted", 1],
      [false, "retry", "succeeded", 1],
    ]);
  });
});
