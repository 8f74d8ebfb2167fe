import { expect, test } from "vitest";
import { describeEachDatabase, violatedConstraint } from "@/lib/db/test-databases";
import { customers, organisations, people, syncConfigs, syncRuns } from "@/lib/db/schema";

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
    const { org } = await seedCustomer();
    const [config] = await db
      .insert(syncConfigs)
      .values({ organisationId: org.id, version: 1, config: {} })
      .returning();
    const run = { organisationId: org.id, configId: config!.id, trigger: "manual" as const };

    await db.insert(syncRuns).values({ ...run, status: "running" });
    expect(await violatedConstraint(db.insert(syncRuns).values({ ...run, status: "queued" }))).toBe(
      "sync_runs_one_active",
    );
    await db.insert(syncRuns).values({ ...run, status: "failed" });
  });
});
