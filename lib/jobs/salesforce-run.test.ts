import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { customers, people, syncRuns } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { enqueueRun } from "@/lib/jobs/enqueue-run";
import { salesforceExecutor } from "@/lib/jobs/salesforce-executor";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { eventually, seedConfiguredOrganisation, testDatabaseUrl } from "@/lib/jobs/test-support";
import { saveConnection } from "@/lib/salesforce-connections/store";
import { startSandbox, type Sandbox } from "@/sandbox";

describeEachDatabase("run jobs against the sandbox org", (database) => {
  let sandbox: Sandbox;
  let workers: Workers;

  beforeAll(async () => {
    sandbox = await startSandbox({ generate: { contacts: 40, seed: 7 } });
    const { db } = database();
    workers = await startWorkers({
      databaseUrl: testDatabaseUrl(database()),
      db,
      execute: salesforceExecutor(db),
      pollingIntervalSeconds: 0.5,
      scheduler: false,
      boss: { max: 2 },
    });
  });
  afterAll(async () => {
    await workers?.stop({ timeoutMs: 2_000 });
    await sandbox?.close();
  });

  async function connectedOrganisation() {
    const { db } = database();
    const organisation = await seedConfiguredOrganisation(db);
    await saveConnection(db, organisation.id, {
      authFlow: "client_credentials",
      loginUrl: sandbox.loginUrl,
      apiVersion: "62.0",
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
    });
    const accounts = sandbox.org.records("Account");
    await db.insert(customers).values(
      accounts.map((account) => ({
        organisationId: organisation.id,
        name: String(account.Name),
        salesforceAccountId: String(account.Id),
      })),
    );
    return organisation;
  }

  async function finishedRun(runId: string) {
    return eventually("the run to end", async () => {
      const [run] = await database().db.select().from(syncRuns).where(eq(syncRuns.id, runId));
      return run && !["queued", "running"].includes(run.status) && run;
    });
  }

  test("syncs People through a job, and a second job changes nothing", async () => {
    const { db } = database();
    const organisation = await connectedOrganisation();
    const input = { organisationId: organisation.id, trigger: "manual" as const, agentId: null };

    const first = await finishedRun((await enqueueRun(workers.queue, input)).id);
    expect([first.status, first.error]).toEqual(["succeeded", null]);
    const [synced] = await db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.organisationId, organisation.id), eq(people.source, "salesforce")));
    expect(synced!.n).toBeGreaterThan(0);
    expect(first.counts!.create).toBe(synced!.n);

    const second = await finishedRun((await enqueueRun(workers.queue, input)).id);
    expect(second.status).toBe("succeeded");
    // The second job is incremental (the default): nothing changed in the org, nothing to plan.
    expect(second.counts).toMatchObject({ create: 0, update: 0, archive: 0, delete: 0 });
  });
});
