import { afterAll, beforeAll, expect, test } from "vitest";
import type { NoLongerMatchingRule } from "@/lib/sync/config";
import { defaultSyncConfig } from "@/lib/sync/config";
import { describeEachDatabase } from "@/lib/db/test-databases";
import {
  createOrganisationFor,
  saveAnswers,
  sandboxRecord,
  snapshotPeople,
  startSampleSandbox,
  syncNow,
} from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// Jarrid Linney (Assistant Manager at Fatz 2) matches `Title contains manager` until his title
// changes in Salesforce; what happens to his person then is the organisation's rule.

const FATZ_2 = "0015g000000000NAAQ";
const JARRID = "0035g000000000QAAQ";

const manualPeople = [
  {
    customer: FATZ_2,
    firstName: "Morgan",
    lastName: "Manual",
    email: "jlinneyp@globo.com",
    phones: [{ type: "work", raw: "+1 415 555 0100", e164: "+14155550100" }],
    positions: ["Billing Contact"],
  },
];

const noCounts = { create: 0, update: 0, unchanged: 0, archive: 0, delete: 0, skip: 0 };

describeEachDatabase("a sync run when a contact stops matching", (database) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSampleSandbox(["apex-recipes"]);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  function setTitle(title: string) {
    sandbox.org.update("Contact", JARRID, { Title: title });
  }

  /** Syncs, changes Jarrid's title so the filter excludes him, and syncs again. */
  async function syncAfterLeaving(name: string, onNoLongerMatching: NoLongerMatchingRule) {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, {
      name,
      positions: ["Billing Contact"],
      manualPeople,
    });
    await saveAnswers(db, organisationId, {
      filters: {
        groups: [{ rules: [{ field: "Title", match: "contains", values: ["manager"] }] }],
      },
      positions: { mode: "fixed", names: ["Billing Contact"] },
      additional: {
        ...defaultSyncConfig.additional,
        rules: { requireEmail: true, requirePhone: false, onNoLongerMatching },
      },
    });
    const first = await syncNow(db, organisationId);
    const before = await snapshotPeople(db, organisationId);

    setTitle("Accountant");
    const second = await syncNow(db, organisationId).finally(() => setTitle("Assistant Manager"));
    const after = await snapshotPeople(db, organisationId);
    if (first.status !== "succeeded" || second.status !== "succeeded") {
      throw new Error("Both runs were expected to succeed.");
    }
    return { db, organisationId, first, second, before, after };
  }

  const manual = (rows: Awaited<ReturnType<typeof snapshotPeople>>) =>
    rows.filter((p) => p.source === "manual");
  const jarrid = (rows: Awaited<ReturnType<typeof snapshotPeople>>) =>
    rows.find((p) => p.salesforceContactId === JARRID);

  test("archives the person by default, and brings it back when the contact matches again", async () => {
    const { db, organisationId, second, before, after } = await syncAfterLeaving(
      "Leavers Archive",
      "archive",
    );

    expect(sandboxRecord(sandbox, "Contact", "Id", JARRID).Title).toBe("Assistant Manager");
    expect(second.run.counts).toEqual({ ...noCounts, archive: 1, unchanged: 7 });
    expect(second.peopleWritten).toBe(1);
    const archived = jarrid(after)!;
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.lastRunId).toBe(second.run.id);
    expect([...second.plan.entries].find((e) => e.outcome === "archive")?.reason).toBe(
      "Its contact no longer matches the filters, or is gone from Salesforce.",
    );
    const others = (rows: typeof after) => rows.filter((p) => p.salesforceContactId !== JARRID);
    expect(others(after)).toEqual(others(before));
    expect(manual(after)).toEqual(manual(before));

    const third = await syncNow(db, organisationId);
    expect(third.status === "succeeded" && third.run.counts).toEqual({
      ...noCounts,
      update: 1,
      unchanged: 7,
    });
    expect(jarrid(await snapshotPeople(db, organisationId))!.archivedAt).toBeNull();
  });

  test("deletes the person when the rule says delete", async () => {
    const { second, before, after } = await syncAfterLeaving("Leavers Delete", "delete");

    expect(second.run.counts).toEqual({ ...noCounts, delete: 1, unchanged: 7 });
    expect(second.peopleWritten).toBe(1);
    expect(jarrid(before)).toBeDefined();
    expect(jarrid(after)).toBeUndefined();
    expect(after).toHaveLength(before.length - 1);
    expect(manual(after)).toEqual(manual(before));
  });

  test("leaves the person untouched when the rule says keep", async () => {
    const { second, before, after } = await syncAfterLeaving("Leavers Keep", "keep");

    expect(second.run.counts).toEqual({ ...noCounts, unchanged: 8 });
    expect(second.peopleWritten).toBe(0);
    expect(after).toEqual(before);
    expect(manual(after)).toHaveLength(1);
    expect(manual(after)[0]).toMatchObject({
      firstName: "Morgan",
      lastName: "Manual",
      email: "jlinneyp@globo.com",
      lastRunId: null,
    });
  });
});
