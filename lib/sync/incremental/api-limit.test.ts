import { afterAll, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { salesforceExecutor } from "@/lib/jobs/salesforce-executor";
import type { SyncConfig } from "@/lib/sync/config";
import { loadCursor } from "@/lib/sync/incremental/cursor-store";
import {
  peopleContent,
  runSync,
  startTwinOrganisations,
} from "@/lib/sync/incremental/test-support";
import { startRun } from "@/lib/sync/run";
import { noRequirements, saveAnswers } from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// Runs stopped by the org's API limit: paused, keeping what they committed, and carried on.

const answers: Partial<SyncConfig> = { additional: noRequirements };
const STEP = 10 * 60_000;
// Small pages and no overlap window, so the counts below are exact.
const exact = { mode: "incremental" as const, changePageSize: 200, overlapMs: 0 };

describeEachDatabase("runs stopped by the API limit", (database) => {
  let sandbox: Sandbox;
  let incremental: string;
  let full: string;

  beforeAll(async () => {
    const { db } = database();
    ({ sandbox, incremental, full } = await startTwinOrganisations(db, 33, answers));
    expect((await runSync(db, incremental, exact)).status).toBe("succeeded");
    // The full run starts contacts from the newest it fetched; this reads the few after it.
    expect((await runSync(db, incremental, exact)).status).toBe("succeeded");
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  async function expectSamePeople() {
    const { db } = database();
    expect((await runSync(db, full, { mode: "full" })).status).toBe("succeeded");
    expect(await peopleContent(db, incremental)).toEqual(await peopleContent(db, full));
  }

  test("stops at its API budget between pages of tied changes, then reads on exactly", async () => {
    const { db } = database();
    sandbox.org.clock.advance(STEP);
    const tied = sandbox.org
      .records("Contact")
      .filter((contact) => !contact.IsDeleted)
      .slice(0, 500);
    tied.forEach((contact, i) =>
      sandbox.org.update("Contact", String(contact.Id), { FirstName: `Tied ${i}` }),
    );
    const at = new Date(sandbox.org.clock.now()).toISOString();

    // 16 calls are left; /limits, the first, says 15, so the run may use 7: the first page only.
    sandbox.faults.exhaustApiAfter(16);
    const paused = await runSync(db, incremental, exact);
    sandbox.faults.reset();

    expect(paused.status).toBe("paused_api_limit");
    expect(paused.run.error).toBe(
      "Paused: The sync stopped at its share of the org's API requests: 7 of the 15 left today (50%), so other integrations keep the rest. The changes read before the stop were applied; the next run carries on from there.",
    );
    const applied = paused.run.processed;
    expect(applied % 200).toBe(0);
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(500);
    expect(paused.run.peopleWritten).toBeGreaterThan(0);
    const cursor = await loadCursor(db, incremental);
    expect(cursor!.positions.Contact).toMatchObject({ modstamp: at });
    expect(cursor!.passComplete).toBe(false);

    const resumed = await runSync(db, incremental, exact);
    expect(resumed.status).toBe("succeeded");
    // The tie at the page boundary is neither read twice nor skipped, and not read again after.
    expect(resumed.run.processed).toBe(500 - applied);
    expect((await runSync(db, incremental, exact)).run.processed).toBe(0);
    await expectSamePeople();
  });

  test("pauses a full run on REQUEST_LIMIT_EXCEEDED with nothing changed, without a retry", async () => {
    const { db } = database();
    await saveAnswers(db, incremental, { ...answers, parentLevelStorage: true });
    sandbox.org.clock.advance(STEP);
    const contact = sandbox.org.records("Contact").find((c) => !c.IsDeleted)!;
    sandbox.org.update("Contact", String(contact.Id), { LastName: "Limited" });
    const before = await peopleContent(db, incremental);

    // No budget of its own: Salesforce refuses the fifth call, the count before the fetch.
    sandbox.faults.exhaustApiAfter(4);
    const execute = salesforceExecutor(db, { source: { apiBudgetShare: null } });
    const run = await startRun(db, {
      organisationId: incremental,
      trigger: "schedule",
      agentId: null,
    });
    const outcome = await execute({
      runId: run.id,
      mode: "incremental",
      signal: new AbortController().signal,
    });
    sandbox.faults.reset();

    // The job ends normally, so pg-boss does not retry it; the next scheduled run carries on.
    expect(outcome).toEqual({ status: "paused_api_limit" });
    expect(await peopleContent(db, incremental)).toEqual(before);
    const next = await runSync(db, incremental, exact);
    expect(next.status).toBe("succeeded");
    expect(next.run.total).not.toBeNull();
    await saveAnswers(db, full, { ...answers, parentLevelStorage: true });
    await expectSamePeople();
  });
});
