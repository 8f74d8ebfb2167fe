import { expect, test } from "vitest";
import { describeEachDatabase, violatedConstraint } from "@/lib/db/test-databases";
import { count, eq } from "drizzle-orm";
import {
  customers,
  organisations,
  people,
  syncConfigs,
  syncRunRecords,
  syncRuns,
} from "@/lib/db/schema";

describeEachDatabase("database constraints", (database) => {
  async function seedCustomer() {
    const { db } = database();
    const [org] = await db
      .insert(organisations)
      .values({ name: `Org ${crypto.randomUUID()}` })
      .returning();
    const [customer] = await db
      .insert(customers)
      .values({ organisationId: org!.id, name: "Acme", salesforceAccountId: "001000000000001AAA" })
      .returning();
    return { org: org!, customer: customer! };
  }

  /** A saved config of a fresh organisation, and the columns a run of it needs. */
  async function seedRunColumns() {
    const { db } = database();
    const { org } = await seedCustomer();
    const [config] = await db
      .insert(syncConfigs)
      .values({ organisationId: org.id, version: 1, config: {} })
      .returning();
    return {
      org,
      run: { organisationId: org.id, configId: config!.id, trigger: "manual" as const },
    };
  }

  test("makes a duplicate synced person impossible", async () => {
    const { db } = database();
    const { org, customer } = await seedCustomer();
    const person = {
      organisationId: org.id,
      customerId: customer.id,
      source: "salesforce" as const,
      salesforceContactId: "003000000000001AAA",
    };

    await db.insert(people).values(person);
    expect(await violatedConstraint(db.insert(people).values(person))).toBe("people_synced_unique");
  });

  test("requires a contact id exactly for synced People", async () => {
    const { db } = database();
    const { org, customer } = await seedCustomer();
    const base = { organisationId: org.id, customerId: customer.id };

    await db.insert(people).values({ ...base, source: "manual", firstName: "Gina" });
    await db.insert(people).values({ ...base, source: "manual", firstName: "Gina" });
    expect(
      await violatedConstraint(db.insert(people).values({ ...base, source: "salesforce" })),
    ).toBe("people_source_contact");
    expect(
      await violatedConstraint(
        db.insert(people).values({ ...base, source: "manual", salesforceContactId: "003x" }),
      ),
    ).toBe("people_source_contact");
  });

  test("allows one active run per organisation", async () => {
    const { db } = database();
    const { run } = await seedRunColumns();

    await db.insert(syncRuns).values({ ...run, status: "running" });
    expect(await violatedConstraint(db.insert(syncRuns).values({ ...run, status: "queued" }))).toBe(
      "sync_runs_one_active",
    );
    await db.insert(syncRuns).values({ ...run, status: "failed" });
  });

  test("deletes a run's records with the run, and an organisation's with the organisation", async () => {
    const { db } = database();
    const { org, run } = await seedRunColumns();
    const [first] = await db
      .insert(syncRuns)
      .values({ ...run, status: "succeeded" })
      .returning();
    const [second] = await db
      .insert(syncRuns)
      .values({ ...run, status: "succeeded" })
      .returning();
    const records = (runId: string) =>
      [0, 1, 2].map((seq) => ({ runId, seq, outcome: "skip" as const, reason: "No account." }));
    await db.insert(syncRunRecords).values([...records(first!.id), ...records(second!.id)]);
    const left = async (runId: string) =>
      (
        await db.select({ n: count() }).from(syncRunRecords).where(eq(syncRunRecords.runId, runId))
      )[0]!.n;

    await db.delete(syncRuns).where(eq(syncRuns.id, first!.id));
    expect([await left(first!.id), await left(second!.id)]).toEqual([0, 3]);

    await db.delete(organisations).where(eq(organisations.id, org.id));
    expect(await left(second!.id)).toBe(0);
  });

  test("drops the records a run committed past records_committed when it ends failed or interrupted", async () => {
    const { db } = database();
    const { run } = await seedRunColumns();
    const left = async (runId: string) =>
      (
        await db.select({ n: count() }).from(syncRunRecords).where(eq(syncRunRecords.runId, runId))
      )[0]!.n;
    const runWithRecords = async (recordsCommitted: number | null) => {
      const [row] = await db
        .insert(syncRuns)
        .values({ ...run, status: "running", recordsCommitted })
        .returning();
      await db
        .insert(syncRunRecords)
        .values([0, 1, 2].map((seq) => ({ runId: row!.id, seq, outcome: "create" as const })));
      return row!.id;
    };
    const end = (id: string, status: "failed" | "interrupted" | "succeeded") =>
      db.update(syncRuns).set({ status }).where(eq(syncRuns.id, id));

    // Records committed beside People whose commit then failed, or whose process died.
    const failed = await runWithRecords(null);
    await end(failed, "failed");
    const interrupted = await runWithRecords(null);
    await end(interrupted, "interrupted");
    // An incremental run's first two records came with a committed page; the third did not.
    const partly = await runWithRecords(2);
    await end(partly, "interrupted");
    const done = await runWithRecords(3);
    await end(done, "succeeded");

    const counts = [failed, interrupted, partly, done].map(left);
    expect(await Promise.all(counts)).toEqual([0, 0, 2, 3]);
  });
});
