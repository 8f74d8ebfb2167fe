// Runs per minute of `npm run bench`: many small organisations synced through the job queue by
// one worker, then by three, while the sandbox answers every API call after 100 ms as a real
// org's round trip would. The work is latency-bound, so more workers should mean more runs.
import { setTimeout as sleep } from "node:timers/promises";
import { inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, organisations, syncRuns } from "@/lib/db/schema";
import { enqueueRun } from "@/lib/jobs/enqueue-run";
import { salesforceExecutor } from "@/lib/jobs/salesforce-executor";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { saveConnection } from "@/lib/salesforce-connections/store";
import { defaultSyncConfig } from "@/lib/sync/config";
import { saveConfig } from "@/lib/sync/config-store";
import { type Sandbox, startSandbox } from "@/sandbox/index";

export type ThroughputInput = {
  db: Database;
  /** Where pg-boss connects: the bench database's URL (passwordlessUrl on the embedded one). */
  databaseUrl: string;
  organisations?: number;
  latencyMs?: number;
};

export async function measureThroughput(input: ThroughputInput) {
  const count = input.organisations ?? 30;
  const sandbox = await startSandbox({
    generate: { contacts: 40, accounts: 10, seed: 5 },
    latencyMs: input.latencyMs ?? 100,
    apiLimit: 10_000_000,
  });
  try {
    const ids = await createOrganisations(input.db, sandbox, count);
    const one = await runsPerMinute(input, ids, 1);
    const three = await runsPerMinute(input, ids, 3);
    return { throughput_organisations: count, runs_per_min_1w: one, runs_per_min_3w: three };
  } finally {
    await sandbox.close();
  }
}

/** One full run of every organisation, queued at once, executed by `workers` workers. */
async function runsPerMinute(input: ThroughputInput, organisationIds: string[], workers: number) {
  const started: Workers[] = [];
  for (let i = 0; i < workers; i++) {
    started.push(
      await startWorkers({
        databaseUrl: input.databaseUrl,
        db: input.db,
        execute: salesforceExecutor(input.db),
        concurrency: 1,
        pollingIntervalSeconds: 0.5,
        scheduler: false,
        boss: { max: 2, supervise: i === 0 },
      }),
    );
  }
  try {
    const began = performance.now();
    const runIds: string[] = [];
    for (const organisationId of organisationIds) {
      const run = await enqueueRun(started[0]!.queue, {
        organisationId,
        trigger: "schedule",
        agentId: null,
        mode: "full",
      });
      runIds.push(run.id);
    }
    await allEnded(input.db, runIds);
    const minutes = (performance.now() - began) / 60_000;
    return Math.round((organisationIds.length / minutes) * 10) / 10;
  } finally {
    for (const worker of started) await worker.stop({ timeoutMs: 5_000 });
  }
}

async function allEnded(db: Database, runIds: string[]) {
  for (;;) {
    const rows = await db
      .select({ status: syncRuns.status })
      .from(syncRuns)
      .where(inArray(syncRuns.id, runIds));
    const open = rows.filter((row) => row.status === "queued" || row.status === "running");
    if (open.length === 0) {
      const failed = rows.filter((row) => row.status !== "succeeded").length;
      if (failed > 0) throw new Error(`${failed} of the throughput runs did not succeed.`);
      return;
    }
    await sleep(100);
  }
}

async function createOrganisations(db: Database, sandbox: Sandbox, count: number) {
  const accounts = sandbox.org.records("Account").filter((account) => !account.IsDeleted);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [organisation] = await db
      .insert(organisations)
      .values({ name: `Throughput ${i + 1} ${crypto.randomUUID()}` })
      .returning();
    const organisationId = organisation!.id;
    await db.insert(customers).values(
      accounts.map((account) => ({
        organisationId,
        name: String(account.Name),
        salesforceAccountId: String(account.Id),
      })),
    );
    await saveConnection(db, organisationId, {
      authFlow: "client_credentials",
      loginUrl: sandbox.loginUrl,
      apiVersion: "62.0",
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
    });
    await saveConfig(db, { organisationId, config: defaultSyncConfig, agentId: null });
    ids.push(organisationId);
  }
  return ids;
}
