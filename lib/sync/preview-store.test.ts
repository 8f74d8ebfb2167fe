import { afterAll, beforeAll, expect, test } from "vitest";
import { agents } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { defaultSyncConfig } from "@/lib/sync/config";
import { lazySource } from "@/lib/sync/lazy-source";
import { listPreviewEntries } from "@/lib/sync/preview-entries";
import { emptyCounts } from "@/lib/sync/plan-types";
import type { FirstLookRow } from "@/lib/sync/preview-first-look";
import { computePreview, createPreview, findPreview } from "@/lib/sync/preview-store";
import { openContactSource } from "@/lib/sync/salesforce-source";
import {
  createOrganisationFor,
  saveAnswers,
  startSampleSandbox,
  syncNow,
} from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSampleSandbox(["apex-recipes"]);
});
afterAll(() => sandbox.close());

describeEachDatabase("computePreview", (database) => {
  async function newAgent() {
    const [agent] = await database()
      .db.insert(agents)
      .values({ email: `${crypto.randomUUID()}@example.com`, role: "agent" })
      .returning();
    return agent!.id;
  }

  test("stores the plan a run then applies, and a first look through the same map", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, {
      name: `Preview ${crypto.randomUUID()}`,
    });
    const config = await saveAnswers(db, organisationId, {});

    const created = await createPreview(db, {
      organisationId,
      agentId: await newAgent(),
      config: defaultSyncConfig,
      configVersion: config.version,
    });
    await computePreview(
      db,
      created.id,
      lazySource(() => openContactSource(db, organisationId)),
    );
    const preview = (await findPreview(db, created.id))!;
    expect(preview.status).toBe("ready");
    expect(preview.counts).toEqual({ ...emptyCounts(), create: 150 });

    const page = await listPreviewEntries(db, preview.id, {
      page: 1,
      search: undefined,
      reason: undefined,
    });
    expect(page.total).toBe(150);
    const firstLook = preview.firstLook as FirstLookRow[];
    expect(firstLook).toHaveLength(150);
    const planned = new Map(page.rows.map((row) => [row.entry.contact.id, row.entry]));
    for (const row of firstLook.filter((r) => planned.has(r.entry.contact.id))) {
      expect(row.outcome).toBeNull();
      expect(row.entry.person).toEqual(planned.get(row.entry.contact.id)!.person);
      expect(row.entry.customer).toEqual(planned.get(row.entry.contact.id)!.customer);
    }

    // The run right after the preview writes exactly the preview's counts.
    const run = await syncNow(db, organisationId);
    expect(run.status).toBe("succeeded");
    expect(run.status === "succeeded" && run.plan.counts).toEqual(preview.counts);
  });

  test("fails with the config's issues in words, and writes no entry", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, sandbox, {
      name: `Bad ${crypto.randomUUID()}`,
    });
    const config = { ...defaultSyncConfig, phones: [{ field: "Email", type: "work" as const }] };
    const created = await createPreview(db, {
      organisationId,
      agentId: await newAgent(),
      config,
      configVersion: null,
    });
    await computePreview(
      db,
      created.id,
      lazySource(() => openContactSource(db, organisationId)),
    );

    const preview = (await findPreview(db, created.id))!;
    expect(preview.status).toBe("failed");
    expect(preview.issues).toEqual([
      {
        path: "phones.0.field",
        message: "Email is an email field; phone numbers must come from a phone or text field.",
      },
    ]);
    const page = await listPreviewEntries(db, preview.id, {
      page: 1,
      search: undefined,
      reason: undefined,
    });
    expect(page.total).toBe(0);
  });
});
