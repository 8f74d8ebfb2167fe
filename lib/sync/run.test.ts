import { afterAll, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { RunAlreadyGoing } from "@/lib/sync/errors";
import { startRun } from "@/lib/sync/run";
import {
  apexManagers,
  changeApexManagers,
  createOrganisationFor,
  listPeople,
  previewNow,
  saveAnswers,
  snapshotPeople,
  startSampleSandbox,
  syncNow,
} from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// Runs over HTTP against the sandbox org seeded with apex-recipes, written to a real database.

const noCounts = { create: 0, update: 0, unchanged: 0, archive: 0, delete: 0, skip: 0 };

describeEachDatabase("a sync run of apex-recipes", (database) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSampleSandbox(["apex-recipes"]);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  test("stores names in any script, with quotes, backslashes and line separators, as Salesforce has them", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, { name: "Apex Unicode" });
    await saveAnswers(db, organisationId, apexManagers);
    const glen = "0035g000000000zAAA";
    const jarrid = "0035g000000000QAAQ";
    const before = [glen, jarrid].map((id) => ({ ...sandbox.org.get("Contact", id)! }));
    const stored = async (id: string) => {
      const person = (await listPeople(db, organisationId)).find(
        (p) => p.salesforceContactId === id,
      );
      return [person?.firstName, person?.lastName];
    };

    try {
      // Surrogate pairs (four bytes in UTF-8), CJK and Cyrillic, a combining accent, JSON's
      // own quotes and backslashes, and U+2028 inside a name: each row of a batch travels as
      // UTF-8 bytes (lib/sync/apply.ts).
      sandbox.org.update("Contact", glen, {
        FirstName: 'Glen 😀 "G"',
        LastName: "Gair\\李\u2028Ölund",
      });
      sandbox.org.update("Contact", jarrid, {
        FirstName: "Jarrid Ольга",
        LastName: "Linney 山田 e\u0301",
      });
      expect((await syncNow(db, organisationId)).status).toBe("succeeded");
      expect(await stored(glen)).toEqual(['Glen 😀 "G"', "Gair\\李\u2028Ölund"]);
      expect(await stored(jarrid)).toEqual(["Jarrid Ольга", "Linney 山田 e\u0301"]);

      sandbox.org.update("Contact", glen, { LastName: "Gair 🎉\u2029Ünd" });
      const updated = await syncNow(db, organisationId);
      expect(updated.status === "succeeded" && updated.plan.counts.update).toBe(1);
      expect(await stored(glen)).toEqual(['Glen 😀 "G"', "Gair 🎉\u2029Ünd"]);
    } finally {
      for (const record of before) {
        sandbox.org.update("Contact", String(record.Id), {
          FirstName: record.FirstName,
          LastName: record.LastName,
        });
      }
    }
  });

  test("writes exactly the contacts whose Title contains manager, and records the run", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, { name: "Apex Managers" });
    const config = await saveAnswers(db, organisationId, apexManagers);

    const result = await syncNow(db, organisationId);

    expect(result.status).toBe("succeeded");
    if (result.status !== "succeeded") return;
    const { run } = result;
    const people = await listPeople(db, organisationId);
    // customer: first last <email> phones [positions]
    const line = (p: (typeof people)[number]) =>
      `${p.customer}: ${p.firstName} ${p.lastName} <${p.email}> ` +
      `${p.phones.map((phone) => phone.e164).join(", ")} [${p.positions.join(", ")}]`;
    expect(people.map(line)).toEqual([
      "Fatz 2: Jarrid Linney <jlinneyp@globo.com> +14172246645 [Billing Contact]",
      "Feedbug 99: Susanetta D'Emanuele <sdemanuele30@usnews.com> +11176456218 [Billing Contact]",
      "Jayo 161: Xymenes Discombe <xdiscombe2y@imgur.com> +12031654739 [Billing Contact]",
      "JumpXS 67: Adriaens Zorzetti <azorzetti2x@aboutads.info> +12004398388 [Billing Contact]",
      "Kaymbo 217: Derward Witherup <dwitherup2w@jugem.jp> +12659282363 [Billing Contact]",
      "Meeveo 197: Glen Gair <ggair1o@ftc.gov> +13947393476 [Billing Contact]",
      "Photolist 197: Jenilee Sibbons <jsibbons3y@bandcamp.com> +11462118881 [Billing Contact]",
      "Quatz 189: Virgie Huffey <vhuffey2t@homestead.com> +11122680123 [Billing Contact]",
    ]);
    expect(people[0]!.phones).toEqual([
      { type: "work", raw: "4172246645", e164: "+14172246645", sourceField: "Phone" },
    ]);
    expect(people[0]!.salesforceContactId).toBe("0035g000000000QAAQ");
    expect(new Set(people.map((p) => p.source))).toEqual(new Set(["salesforce"]));
    expect(new Set(people.map((p) => p.lastRunId))).toEqual(new Set([run.id]));
    expect(people.every((p) => p.archivedAt === null)).toBe(true);

    expect(run).toMatchObject({
      status: "succeeded",
      phase: "done",
      trigger: "cli",
      agentId: null,
      configId: config.id,
      counts: { ...noCounts, create: 8 },
      peopleWritten: 8,
      error: null,
    });
    expect(run.startedAt!.getTime()).toBeLessThanOrEqual(run.finishedAt!.getTime());
    expect(result.peopleWritten).toBe(8);
  });

  test("writes nothing the second time the same plan is applied", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, { name: "Apex Twice" });
    await saveAnswers(db, organisationId, apexManagers);
    const first = await syncNow(db, organisationId);
    const before = await snapshotPeople(db, organisationId);

    const second = await syncNow(db, organisationId);

    expect(second.status).toBe("succeeded");
    if (second.status !== "succeeded" || first.status !== "succeeded") return;
    expect(second.peopleWritten).toBe(0);
    expect(second.run.peopleWritten).toBe(0);
    expect(second.run.counts).toEqual({ ...noCounts, unchanged: 8 });
    expect(await snapshotPeople(db, organisationId)).toEqual(before);
    expect(new Set(before.map((p) => p.lastRunId))).toEqual(new Set([first.run.id]));
  });

  test("a preview's counts are the next run's counts, and the preview writes nothing", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, { name: "Apex Preview" });
    await saveAnswers(db, organisationId, apexManagers);
    await syncNow(db, organisationId);

    const restore = changeApexManagers(sandbox);
    try {
      const before = await snapshotPeople(db, organisationId);
      const preview = await previewNow(db, organisationId);
      expect(preview.counts).toEqual({
        ...noCounts,
        create: 1,
        update: 1,
        archive: 1,
        unchanged: 6,
      });
      expect(await snapshotPeople(db, organisationId)).toEqual(before);

      const run = await syncNow(db, organisationId);
      expect(run.status === "succeeded" && run.run.counts).toEqual(preview.counts);
      expect(run.status === "succeeded" && run.peopleWritten).toBe(3);
    } finally {
      restore();
    }
  });

  test("refuses to start a second run while one is going", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, { name: "Apex Busy" });
    await saveAnswers(db, organisationId, apexManagers);
    const first = await startRun(db, { organisationId, trigger: "manual", agentId: null });

    const second = startRun(db, { organisationId, trigger: "schedule", agentId: null });

    await expect(second).rejects.toBeInstanceOf(RunAlreadyGoing);
    await expect(second).rejects.toThrow(
      `A sync is already running for this organisation (started ${first.createdAt.toISOString()}); wait for it to finish.`,
    );
    expect(first.status).toBe("queued");
  });
});
