import { afterAll, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { listRunRecords } from "@/lib/runs/queries";
import {
  apexManagers,
  changeApexManagers,
  createOrganisationFor,
  saveAnswers,
  startSampleSandbox,
  syncNow,
} from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// A run's page lists what the run did to each contact: the records a real run wrote, read back
// with the page's filters.

describeEachDatabase("a run's records", (database) => {
  let sandbox: Sandbox;
  let runId: string;
  beforeAll(async () => {
    sandbox = await startSampleSandbox(["apex-recipes"]);
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, { name: "Apex Records" });
    await saveAnswers(db, organisationId, apexManagers);
    await syncNow(db, organisationId);

    // Its own sandbox, so nothing needs putting back.
    changeApexManagers(sandbox);
    const second = await syncNow(db, organisationId);
    if (second.status !== "succeeded") throw new Error(`The second run ${second.status}`);
    runId = second.run.id;
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const columns = (rows: Awaited<ReturnType<typeof listRunRecords>>["rows"]) =>
    rows.map(({ outcome, contactName, contactEmail, customerName, reason, changes }) => ({
      outcome,
      contactName,
      contactEmail,
      customerName,
      reason,
      changes,
    }));

  test("keeps the contact as the run saw it, and an update's changes", async () => {
    const { db } = database();

    const updates = await listRunRecords(db, runId, { outcome: "update", page: 1 });

    expect(updates.total).toBe(1);
    expect(columns(updates.rows)).toEqual([
      {
        outcome: "update",
        contactName: "Glen Gair",
        contactEmail: "glen.gair@ftc.gov",
        customerName: "Meeveo 197",
        reason: null,
        changes: [{ field: "email", before: "ggair1o@ftc.gov", after: "glen.gair@ftc.gov" }],
      },
    ]);
  });

  test("counts every outcome, and finds records by name or email, wildcards taken literally", async () => {
    const { db } = database();

    const all = await listRunRecords(db, runId, { page: 1 });
    const byName = await listRunRecords(db, runId, { search: "sIniSbury", page: 1 });
    const byEmail = await listRunRecords(db, runId, { search: "@ftc.gov", page: 1 });
    const wildcard = await listRunRecords(db, runId, { search: "%", page: 1 });

    expect(all.total).toBe(9);
    expect(all.rows.map((row) => row.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(all.rows.filter((row) => row.changes === null)).toHaveLength(8);
    expect(columns(byName.rows)).toEqual([
      expect.objectContaining({ outcome: "create", contactEmail: "lsinisbury0@dropbox.com" }),
    ]);
    expect(byEmail.rows.map((row) => row.contactName)).toEqual(["Glen Gair"]);
    expect(wildcard.total).toBe(0);
  });
});
