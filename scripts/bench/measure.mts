// The measuring process of `npm run bench`: everything it does besides sync is set up before
// the clock starts, and the sandbox org runs in a child of its own, so its memory is the sync's.
import { loadavg } from "node:os";
import { count, eq, sql } from "drizzle-orm";
import { people } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { computePlan, computePlanOutline } from "@/lib/sync/compute-plan";
import { lazySource } from "@/lib/sync/lazy-source";
import { prepareSyncProcess } from "@/lib/sync/sync-process";
import { executeRun, startRun } from "@/lib/sync/run";
import { openContactSource, type SourceOptions } from "@/lib/sync/salesforce-source";
import { passwordlessUrl } from "@/lib/jobs/connection-url";
import { openBenchDatabase } from "./database";
import { fetchOnly, sampleRss, timed, writeOnly } from "./measurements";
import { createBenchOrganisation } from "./organisation";
import { measureRunModes } from "./run-modes.mts";
import { startSandboxChild } from "./sandbox-client";
import { measureThroughput } from "./throughput.mts";

const [contactsArg, seedArg, transport, repeatsArg] = process.argv.slice(2);
const repeats = Math.max(1, Number(repeatsArg ?? 1));
const contacts = Number(contactsArg);
const sourceOptions: SourceOptions = transport === "rest" ? { bulkThreshold: Infinity } : {};

const setupStarted = performance.now();
const sandbox = await startSandboxChild(contacts, Number(seedArg));
const database = await openBenchDatabase(env().DATABASE_URL);
const { db } = database;
// As the console's and `npm run worker`'s runs do.
const { phones } = prepareSyncProcess();

try {
  const { organisation, config } = await createBenchOrganisation(db, sandbox);
  const source = () => lazySource(() => openContactSource(db, organisation.id, sourceOptions));
  const sync = async () => {
    const run = await startRun(db, {
      organisationId: organisation.id,
      trigger: "cli",
      agentId: null,
    });
    const result = await executeRun(db, run.id, source(), { phones });
    if (result.status !== "succeeded")
      throw new Error(`The sync did not succeed: ${result.run.error}`);
    return result;
  };
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const accounts = sandbox.accounts.length;
  // The set-up (25,000 accounts read from the sandbox and written as customers at 100,000
  // contacts) leaves garbage and a grown heap behind; the sync is measured from a collected
  // heap, so what the peak counts is the sync's own. The sync itself never calls the collector.
  sandbox.accounts.length = 0;
  collectGarbage();

  const callsBefore = await sandbox.apiCalls();
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  const rss = sampleRss(50);
  const full = await timed(sync);
  const peakRss = rss.stop();
  const apiCalls = (await sandbox.apiCalls()) - callsBefore;
  const records = full.value.plan.records.received;

  const noop = await timed(sync);
  const preview = await timed(
    async () =>
      (await computePlan({ db, organisation, config: config.config, source: source() })).plan,
  );
  const planHeap = await heapHeldByPlan(() =>
    computePlanOutline({ db, organisation, config: config.config, source: source() }),
  );
  const fetch = await fetchOnly(source(), config.config);
  const write = await writeOnly(db, organisation.id);

  // The machine is shared: one round's halves can differ by 40% from the next round's. Further
  // rounds of the three (each full sync a first sync again, into a vacuumed table) give medians,
  // and a ratio per round whose three were measured close together.
  const rounds = [{ full: full.seconds, fetch: fetch.seconds, write: write.seconds }];
  for (let round = 1; round < repeats; round++) {
    await db.delete(people).where(eq(people.organisationId, organisation.id));
    await db.execute(sql`vacuum people`);
    collectGarbage();
    const again = await timed(sync);
    collectGarbage();
    const fetchAgain = await fetchOnly(source(), config.config);
    const writeAgain = await writeOnly(db, organisation.id);
    rounds.push({ full: again.seconds, fetch: fetchAgain.seconds, write: writeAgain.seconds });
  }
  const fullSeconds = median(rounds.map((r) => r.full));
  const fetchSeconds = median(rounds.map((r) => r.fetch));
  const writeSeconds = median(rounds.map((r) => r.write));
  const [stored] = await db
    .select({ n: count() })
    .from(people)
    .where(eq(people.organisationId, organisation.id));

  const result = {
    contacts,
    database: database.kind,
    transport: transport === "rest" ? "rest" : "auto",
    live_contacts: sandbox.liveContacts,
    accounts,
    contacts_on_several_accounts: sandbox.contactsOnSeveralAccounts,
    share_on_several_accounts: round(sandbox.contactsOnSeveralAccounts / sandbox.liveContacts, 3),
    records,
    people: stored!.n,
    full_sync_counts: full.value.plan.counts,
    repeats,
    full_sync_s: round(fullSeconds),
    full_sync_first_s: round(full.seconds),
    full_sync_cpu_s: round(full.cpuSeconds),
    noop_sync_s: round(noop.seconds),
    noop_sync_cpu_s: round(noop.cpuSeconds),
    noop_writes: noop.value.peopleWritten,
    noop_counts: noop.value.plan.counts,
    preview_s: round(preview.seconds),
    preview_matches_noop:
      JSON.stringify(preview.value.counts) === JSON.stringify(noop.value.plan.counts),
    fetch_only_s: round(fetchSeconds),
    fetch_only_records: fetch.value,
    write_only_s: round(writeSeconds),
    write_only_rows: write.rows,
    ratio: round(fullSeconds / (fetchSeconds + writeSeconds)),
    ratio_per_round: rounds.map((r) => round(r.full / (r.fetch + r.write))),
    api_calls: apiCalls,
    api_calls_rest_target: Math.ceil(records / 2000) + 5,
    peak_rss_mb: Math.round(peakRss),
    rss_before_sync_mb: Math.round(rssBefore),
    heap_growing_percent: env().SYNC_HEAP_GROWING_PERCENT,
    plan_heap_mb: planHeap === null ? null : Math.round(planHeap),
    setup_s: round(setupSeconds),
    // Two shared cores: the 1-minute load average says how far other work skewed the clock.
    load_average: round(loadavg()[0]!),
  };
  // Last: the run-mode measurement empties the bench organisation's People to time a first
  // Bulk sync, and the throughput one builds many small organisations of its own.
  Object.assign(
    result,
    await measureRunModes({
      db,
      organisationId: organisation.id,
      touchContacts: sandbox.touchContacts,
      apiCalls: sandbox.apiCalls,
    }),
    await measureThroughput({ db, databaseUrl: passwordlessUrl(database.sql) }),
  );
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
} finally {
  await phones.close();
  await database.close();
  await sandbox.close();
}

/**
 * What a plan holds once garbage is collected, in MB: the planner's index and what it refers to,
 * the part of memory that grows with the org. Peak RSS is higher: V8 lets the heap grow to a
 * few times what is live before it collects. Null when the collector is not exposed.
 */
async function heapHeldByPlan(plan: () => Promise<unknown>): Promise<number | null> {
  if (!(globalThis as { gc?: () => void }).gc) return null;
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const held = await plan();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  void held;
  return (after - before) / 1024 / 1024;
}

function collectGarbage() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  gc();
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
