import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  customers,
  people,
  salesforceConnections,
  syncRunConfirmations,
  syncRuns,
} from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { confirmRun } from "@/lib/health/confirm-run";
import { massRemovalCheck } from "@/lib/health/mass-removal";
import { holdRunForConfirmation, massRemovalHold } from "@/lib/health/mass-removal-guard";
import { seedConfiguredOrganisation } from "@/lib/jobs/test-support";
import { startRun } from "@/lib/sync/run";
import { emptyCounts } from "@/lib/sync/plan-types";

const planRemoving = (archive: number, remove = 0) => ({
  counts: { ...emptyCounts(), archive, delete: remove },
});

describe("massRemovalCheck", () => {
  test("lets a run remove up to the share of synced People", () => {
    expect(massRemovalCheck(planRemoving(20), 100)).toEqual({ ok: true, removals: 20 });
    expect(massRemovalCheck(planRemoving(3), 0)).toEqual({ ok: true, removals: 3 });
  });

  test("stops a run that archives and deletes more than the share, saying why", () => {
    expect(massRemovalCheck(planRemoving(15, 6), 100)).toEqual({
      ok: false,
      removals: 21,
      existing: 100,
      share: 0.2,
      message:
        "This sync would remove 21 of the organisation's 100 synced People (21%, more than the 20% allowed without a confirmation), which is often a filter mistake. Nothing was changed: check the preview, then confirm by typing the organisation's name, or fix the config.",
    });
    expect(massRemovalCheck(planRemoving(6), 100, 0.05).ok).toBe(false);
  });
});

describeEachDatabase("mass removal confirmation", (database) => {
  async function organisationWithPeople(count: number) {
    const { db } = database();
    const organisation = await seedConfiguredOrganisation(db, {
      name: `Acme ${crypto.randomUUID()}`,
    });
    await db.insert(salesforceConnections).values({
      organisationId: organisation.id,
      loginUrl: "https://login.salesforce.com",
      authFlow: "client_credentials",
      clientId: "client",
      secretsCiphertext: "x",
    });
    const [customer] = await db
      .insert(customers)
      .values({ organisationId: organisation.id, name: "Acme East", salesforceAccountId: "001A" })
      .returning();
    await db.insert(people).values(
      Array.from({ length: count }, (_, i) => ({
        organisationId: organisation.id,
        customerId: customer!.id,
        source: "salesforce" as const,
        salesforceContactId: `003${String(i).padStart(15, "0")}`,
      })),
    );
    return organisation;
  }

  // A run that planned `plan` and stopped before applying it.
  async function heldRun(organisationId: string, plan: ReturnType<typeof planRemoving>) {
    const { db } = database();
    const run = await startRun(db, { organisationId, trigger: "schedule", agentId: null });
    await db.update(syncRuns).set({ status: "running" }).where(eq(syncRuns.id, run.id));
    const hold = await massRemovalHold(db, { runId: run.id, organisationId, plan });
    expect(hold).not.toBeNull();
    return holdRunForConfirmation(db, run.id, plan, hold!);
  }

  test("holds a run that would archive 6 of 10 People, until the exact name is typed", async () => {
    const { db } = database();
    const organisation = await organisationWithPeople(10);
    const held = await heldRun(organisation.id, planRemoving(6));
    expect([held.status, held.counts?.archive]).toEqual(["awaiting_confirmation", 6]);

    for (const typed of [organisation.name.toLowerCase(), "Acme", ""]) {
      await expect(confirmRun(db, held.id, typed)).rejects.toThrow(
        "The name typed is not the organisation's name: type it exactly as shown, capitals included, to confirm the removal.",
      );
    }
    const confirmed = await confirmRun(db, held.id, ` ${organisation.name} `);
    expect(confirmed.status).toBe("queued");
    const [confirmation] = await db
      .select()
      .from(syncRunConfirmations)
      .where(eq(syncRunConfirmations.runId, held.id));
    expect(confirmation!.removals).toBe(6);
    await expect(confirmRun(db, held.id, organisation.name)).rejects.toThrow(
      "This run is not waiting for a confirmation: it is queued.",
    );

    // Executed again, the confirmed run may remove the 6 it showed, and stops for more.
    const plan6 = { runId: held.id, organisationId: organisation.id, plan: planRemoving(6) };
    expect(await massRemovalHold(db, plan6)).toBeNull();
    expect(await massRemovalHold(db, { ...plan6, plan: planRemoving(7) })).toMatchObject({
      removals: 7,
    });
  });

  test("refuses a confirmation while another run of the organisation is going", async () => {
    const { db } = database();
    const organisation = await organisationWithPeople(4);
    const held = await heldRun(organisation.id, planRemoving(4));
    await startRun(db, { organisationId: organisation.id, trigger: "manual", agentId: null });

    await expect(confirmRun(db, held.id, organisation.name)).rejects.toThrow(
      "A newer sync of this organisation exists; confirm that one if it asks.",
    );
  });
});
