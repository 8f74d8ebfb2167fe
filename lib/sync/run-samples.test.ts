import { afterAll, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import {
  createOrganisationFor,
  listPeople,
  noRequirements,
  positionNames,
  saveAnswers,
  startSampleSandbox,
  syncNow,
} from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// plugin-data-junction: "We Know Everybody" is the account of Persons A, B, C and X; Person A
// is also related to the first "Acct 2", Person X to that "Acct 2" and to "Acct 4".
const ACCT_2 = "0015g0000000001AAA";
const ACCT_4 = "0015g0000000003AAA";
const WE_KNOW_EVERYBODY = "0015g0000000004AAA";

// The Roles the junction's relations are given before the runs (the sample carries none).
const ROLES: Record<string, string> = {
  "07k5g0000000002AAA": "Influencer", // Person X, We Know Everybody (direct)
  "07k5g0000000006AAA": "Economic Buyer", // Person X, Acct 2
  "07k5g0000000007AAA": "Decision Maker;Technical Buyer", // Person X, Acct 4
  "07k5g0000000003AAA": "Decision Maker", // Person A, We Know Everybody (direct)
  "07k5g0000000005AAA": "Economic Buyer", // Person A, Acct 2
};

const multiAccount = { enabled: true, includeInactiveRelations: false };
const roles = (unmapped: "ignore" | "create") => ({
  mode: "field" as const,
  field: "AccountContactRelation.Roles",
  valueMap: [
    { salesforceValue: "Economic Buyer", positionName: "Billing Contact" },
    { salesforceValue: "Decision Maker", positionName: "Primary Contact" },
  ],
  unmapped,
});

async function placements(db: Parameters<typeof listPeople>[0], organisationId: string) {
  const people = await listPeople(db, organisationId);
  return people.map((p) => [p.customer, p.account, p.lastName, p.positions]);
}

describeEachDatabase("a sync run of the shared samples", (database) => {
  let junction: Sandbox;
  let coral: Sandbox;
  beforeAll(async () => {
    [junction, coral] = await Promise.all([
      startSampleSandbox(["plugin-data-junction"]),
      startSampleSandbox(["coral-cloud"]),
    ]);
    for (const [id, value] of Object.entries(ROLES)) {
      junction.org.update("AccountContactRelation", id, { Roles: value });
    }
  });
  afterAll(async () => {
    await Promise.all([junction?.close(), coral?.close()]);
  });

  test("puts a contact related to two accounts on each customer, the direct relation once", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, junction, { name: "Junction" });
    await saveAnswers(db, organisationId, { multiAccount, additional: noRequirements });

    const result = await syncNow(db, organisationId);

    expect(result.status === "succeeded" && result.run.counts?.create).toBe(7);
    expect(await placements(db, organisationId)).toEqual([
      ["Acct 2", ACCT_2, "Person A", ["Primary Contact"]],
      ["Acct 2", ACCT_2, "Person X", ["Primary Contact"]],
      ["Acct 4", ACCT_4, "Person X", ["Primary Contact"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person A", ["Primary Contact"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person B", ["Primary Contact"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person C", ["Primary Contact"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person X", ["Primary Contact"]],
    ]);
  });

  test("with parent-level storage merges the Roles of two children into one person at the top", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, junction, {
      name: "Junction Holdings",
      groups: [{ name: "Junction Holdings (group)", accountIds: [ACCT_2, ACCT_4] }],
      positions: ["Billing Contact", "Primary Contact"],
    });
    await saveAnswers(db, organisationId, {
      multiAccount,
      parentLevelStorage: true,
      positions: roles("ignore"),
      additional: noRequirements,
    });

    const result = await syncNow(db, organisationId);

    expect(await placements(db, organisationId)).toEqual([
      ["Junction Holdings (group)", null, "Person A", ["Billing Contact"]],
      ["Junction Holdings (group)", null, "Person X", ["Billing Contact", "Primary Contact"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person A", ["Primary Contact"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person B", []],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person C", []],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person X", []],
    ]);
    const reasons =
      result.status === "succeeded" ? [...result.plan.entries].map((e) => e.reason) : [];
    expect(reasons).toContain(
      "Stored at the top parent Junction Holdings (group), through Acct 2, Acct 4.",
    );
    expect(await positionNames(db, organisationId)).toEqual(["Billing Contact", "Primary Contact"]);
  });

  test("creates the positions of unmapped Roles when the rule says create", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, junction, {
      name: "Junction Roles",
      positions: ["Billing Contact"],
    });
    await saveAnswers(db, organisationId, {
      multiAccount,
      positions: roles("create"),
      additional: noRequirements,
    });

    const result = await syncNow(db, organisationId);

    expect(result.status).toBe("succeeded");
    expect(await positionNames(db, organisationId)).toEqual([
      "Billing Contact",
      "Influencer",
      "Primary Contact",
      "Technical Buyer",
    ]);
    expect(await placements(db, organisationId)).toEqual([
      ["Acct 2", ACCT_2, "Person A", ["Billing Contact"]],
      ["Acct 2", ACCT_2, "Person X", ["Billing Contact"]],
      ["Acct 4", ACCT_4, "Person X", ["Primary Contact", "Technical Buyer"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person A", ["Primary Contact"]],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person B", []],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person C", []],
      ["We Know Everybody", WE_KNOW_EVERYBODY, "Person X", ["Influencer"]],
    ]);
  });

  test("skips every coral-cloud contact as having no account and writes nothing", async () => {
    const { db } = database();
    const organisationId = await createOrganisationFor(db, coral, { name: "Coral Cloud" });
    await saveAnswers(db, organisationId, {});

    const result = await syncNow(db, organisationId);

    expect(result.status).toBe("succeeded");
    if (result.status !== "succeeded") return;
    expect(result.run.counts).toEqual({
      create: 0,
      update: 0,
      unchanged: 0,
      archive: 0,
      delete: 0,
      skip: 156,
    });
    expect(new Set([...result.plan.entries].map((e) => e.reason))).toEqual(
      new Set(["The contact has no account."]),
    );
    expect(result.peopleWritten).toBe(0);
    expect(await listPeople(db, organisationId)).toEqual([]);
  });
});
