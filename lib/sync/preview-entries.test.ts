import { expect, test } from "vitest";
import { agents, organisations } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { defaultSyncConfig } from "@/lib/sync/config";
import type { PlanEntry } from "@/lib/sync/plan-types";
import { listPreviewEntries, previewCustomers } from "@/lib/sync/preview-entries";
import { previewCsvStream } from "@/lib/sync/preview-csv";
import { createPreview } from "@/lib/sync/preview-store";
import { writePreviewEntries } from "@/lib/sync/preview-write";

const acme = {
  id: "7c2d1f4e-0000-4000-8000-000000000001",
  name: "Acme Ltd",
  salesforceAccountId: "001000000000001AAA",
  parentCustomerId: null,
};

function entry(n: number, outcome: PlanEntry["outcome"], reason: string | null = null): PlanEntry {
  const placed = outcome !== "skip";
  return {
    key: `003${n}`,
    outcome,
    reason,
    contact: {
      id: `003${String(n).padStart(12, "0")}AAA`,
      name: `Contact ${n}`,
      email: `c${n}@example.com`,
      accountId: null,
      accountName: "Acme",
    },
    customer: placed ? acme : null,
    matchedCustomers: placed ? [acme] : [],
    personId: null,
    desired: placed
      ? {
          customerId: acme.id,
          salesforceContactId: `003${n}`,
          firstName: "Contact",
          lastName: String(n),
          email: `c${n}@example.com`,
          phones: [
            { type: "work", raw: "+44 20 7946 0000", e164: "+442079460000", sourceField: "Phone" },
          ],
          positions: ["Billing Contact"],
          customFields: {},
        }
      : null,
    changes: [],
  };
}

describeEachDatabase("preview entries", (database) => {
  async function storedPreview(entries: PlanEntry[]) {
    const { db } = database();
    const [org] = await db
      .insert(organisations)
      .values({ name: `Org ${crypto.randomUUID()}` })
      .returning();
    const [agent] = await db
      .insert(agents)
      .values({ email: `${crypto.randomUUID()}@example.com`, role: "agent" })
      .returning();
    const preview = await createPreview(db, {
      organisationId: org!.id,
      agentId: agent!.id,
      config: defaultSyncConfig,
      configVersion: null,
    });
    await writePreviewEntries(db, preview.id, entries, async () => {});
    return preview;
  }

  test("pages, searches and filters the entries on the server, in plan order", async () => {
    const { db } = database();
    const entries = [
      ...Array.from({ length: 60 }, (_, i) => entry(i, "create")),
      entry(
        60,
        "skip",
        "No customer is linked to the Salesforce account Zed (001000000000009AAA).",
      ),
      entry(61, "skip", "The contact has no email, and this sync requires one."),
    ];
    const preview = await storedPreview(entries);
    const all = { search: undefined, reason: undefined };

    const second = await listPreviewEntries(db, preview.id, { ...all, page: 2 });
    expect(second.total).toBe(62);
    expect(second.rows.map((row) => row.seq)).toEqual(Array.from({ length: 12 }, (_, i) => 50 + i));

    const skips = await listPreviewEntries(db, preview.id, { ...all, outcome: "skip", page: 1 });
    expect(skips.rows.map((row) => row.entry.contact.name)).toEqual(["Contact 60", "Contact 61"]);

    const noEmail = await listPreviewEntries(db, preview.id, {
      ...all,
      reason: "no email",
      page: 1,
    });
    expect(noEmail.rows.map((row) => row.seq)).toEqual([61]);

    // LIKE wildcards in a search are literal characters.
    const literal = await listPreviewEntries(db, preview.id, { ...all, search: "c1_", page: 1 });
    expect(literal.total).toBe(0);
    const byEmail = await listPreviewEntries(db, preview.id, {
      ...all,
      search: "C59@EXAMPLE",
      page: 1,
    });
    expect(byEmail.rows.map((row) => row.seq)).toEqual([59]);

    expect(await previewCustomers(db, preview.id)).toEqual([{ id: acme.id, name: "Acme Ltd" }]);
  });

  test("exports the filtered entries as CSV, with formulas written as text", async () => {
    const { db } = database();
    const risky = entry(1, "create");
    risky.contact = { ...risky.contact, name: '=HYPERLINK("http://x")' };
    const preview = await storedPreview([risky, entry(2, "skip", "Left out.")]);

    const stream = previewCsvStream(db, preview.id, {
      search: undefined,
      reason: undefined,
      outcome: "create",
    });
    const text = await new Response(stream).text();
    const [header, row, extra] = text.trim().split("\n");
    expect(header).toMatch(/^outcome,reason,contact_id,contact_name/);
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain("+442079460000");
    expect(extra).toBeUndefined();
  });
});
