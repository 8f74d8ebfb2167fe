import { describe, expect, test } from "vitest";
import type { SyncConfig } from "@/lib/sync/config";
import type { ExistingPerson } from "@/lib/sync/person-diff";
import { createPlanner } from "@/lib/sync/plan";
import type { Plan } from "@/lib/sync/plan-types";
import type { SalesforceRecord } from "@/lib/sync/record";
import {
  ACCOUNT,
  contactRecord,
  customers,
  multiAccount,
  relationRecord,
  rolesPositions,
  validConfig,
} from "@/lib/sync/test-fixtures";

function planWith(
  overrides: Partial<SyncConfig>,
  pages: SalesforceRecord[][],
  existingPeople: ExistingPerson[] = [],
): Plan {
  const planner = createPlanner({
    ...validConfig(overrides),
    customers,
    defaultCountry: "US",
    positionNames: ["Billing Contact", "Primary Contact"],
    existingPeople,
  });
  for (const page of pages) planner.add(page);
  return planner.finish();
}

const ada = contactRecord({
  Id: "003000000000001AAA",
  FirstName: "Ada",
  LastName: "Lovelace",
  Email: "ada@example.com",
  AccountId: ACCOUNT.solo,
  Phone: "(415) 555-2671",
});

function existing(overrides: Partial<ExistingPerson> = {}): ExistingPerson {
  return {
    id: "p-ada",
    customerId: "c-solo",
    source: "salesforce",
    salesforceContactId: "003000000000001AAA",
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    phones: [{ type: "work", raw: "(415) 555-2671", e164: "+14155552671", sourceField: "Phone" }],
    positions: ["Primary Contact"],
    customFields: {},
    archivedAt: null,
    ...overrides,
  };
}

const manual: ExistingPerson = {
  ...existing(),
  id: "p-manual",
  source: "manual",
  salesforceContactId: null,
  firstName: "Manny",
};

function rules(onNoLongerMatching: "archive" | "keep" | "delete") {
  return {
    additional: {
      customFieldMappings: [],
      rules: { requireEmail: true, requirePhone: false, onNoLongerMatching },
      notes: "",
    },
  };
}

describe("createPlanner", () => {
  test("creates a person for a new contact, with the exact row to write", () => {
    const plan = planWith({}, [[ada]], [manual]);
    expect(plan.counts).toEqual({
      create: 1,
      update: 0,
      unchanged: 0,
      archive: 0,
      delete: 0,
      skip: 0,
    });
    expect(plan.entries[0]).toMatchObject({
      outcome: "create",
      reason: null,
      contact: {
        id: "003000000000001AAA",
        name: "Ada Lovelace",
        email: "ada@example.com",
        accountName: "Solo Ltd",
      },
      customer: { id: "c-solo", name: "Solo Ltd" },
      personId: null,
      desired: {
        customerId: "c-solo",
        salesforceContactId: "003000000000001AAA",
        firstName: "Ada",
        lastName: "Lovelace",
        email: "ada@example.com",
        phones: [
          { type: "work", raw: "(415) 555-2671", e164: "+14155552671", sourceField: "Phone" },
        ],
        positions: ["Primary Contact"],
        customFields: {},
      },
    });
  });

  test("updates a changed person with a field-by-field before and after, and un-archives it", () => {
    const before = existing({
      lastName: "Byron",
      email: "ADA@EXAMPLE.COM",
      phones: [],
      positions: ["Billing Contact"],
      customFields: { legacy: "x" },
      archivedAt: new Date("2024-06-01T00:00:00Z"),
    });
    const [entry] = planWith({}, [[ada]], [before]).entries;

    expect(entry?.outcome).toBe("update");
    expect(entry?.personId).toBe("p-ada");
    expect(entry?.changes).toEqual([
      { field: "lastName", before: "Byron", after: "Lovelace" },
      {
        field: "phones",
        before: [],
        after: [
          { type: "work", raw: "(415) 555-2671", e164: "+14155552671", sourceField: "Phone" },
        ],
      },
      { field: "positions", before: ["Billing Contact"], after: ["Primary Contact"] },
      { field: "customField", key: "legacy", before: "x", after: null },
      { field: "archived", before: true, after: false },
    ]);
    // Only the case of the email differs: not a change, and the stored spelling is kept.
    expect(entry?.desired?.email).toBe("ADA@EXAMPLE.COM");
  });

  test("finds nothing to change when emails differ only in case", () => {
    const plan = planWith({}, [[ada]], [existing({ email: " Ada@Example.COM " })]);
    expect(plan.counts.unchanged).toBe(1);
    expect(plan.entries[0]?.changes).toEqual([]);
  });

  test("archives, keeps or deletes a synced person whose contact no longer matches, never a manual one", () => {
    const gone = existing({
      id: "p-gone",
      salesforceContactId: "003000000000099AAA",
      firstName: "Gone",
    });
    const outcomes = (rule: "archive" | "keep" | "delete") =>
      planWith(rules(rule), [[ada]], [existing(), gone, manual]).entries.map((e) => [
        e.personId,
        e.outcome,
        e.reason,
      ]);

    const why = "Its contact no longer matches the filters, or is gone from Salesforce.";
    expect(outcomes("archive")).toEqual([
      ["p-ada", "unchanged", null],
      ["p-gone", "archive", why],
    ]);
    expect(outcomes("keep")).toEqual([
      ["p-ada", "unchanged", null],
      ["p-gone", "unchanged", `${why} Kept, as the sync rules say.`],
    ]);
    expect(outcomes("delete")).toEqual([
      ["p-ada", "unchanged", null],
      ["p-gone", "delete", `${why} Deleted, as the sync rules say.`],
    ]);
  });

  test("says where a moved contact went and why a skipped one left", () => {
    const movedAway = existing({ id: "p-east", customerId: "c-east" });
    const plan = planWith({}, [[ada]], [movedAway]);
    expect(plan.entries.map((e) => [e.outcome, e.customer?.name, e.reason])).toEqual([
      ["create", "Solo Ltd", null],
      ["archive", "Acme East", "Its contact now lands on Solo Ltd."],
    ]);

    const noEmail = { ...ada, Email: null };
    const skipped = planWith({}, [[noEmail]], [existing()]);
    expect(skipped.entries.map((e) => [e.outcome, e.reason])).toEqual([
      ["archive", "Its contact is skipped: The contact has no email, and this sync requires one."],
      ["skip", "The contact has no email, and this sync requires one."],
    ]);
  });

  test("counts the direct relation once and a record repeated by split queries once", () => {
    const direct = relationRecord(ada, {
      Id: "07k000000000001AAA",
      AccountId: ACCOUNT.solo,
      IsDirect: true,
    });
    const indirect = relationRecord(ada, {
      Id: "07k000000000002AAA",
      AccountId: ACCOUNT.east,
      IsDirect: false,
    });
    const plan = planWith({ multiAccount }, [[direct, indirect], [direct]]);

    expect(plan.entries.map((e) => [e.outcome, e.customer?.name])).toEqual([
      ["create", "Solo Ltd"],
      ["create", "Acme East"],
    ]);
    expect(plan.records).toEqual({ received: 3 });
  });

  test("merges one contact reached through two children into one person at the top parent", () => {
    const east = relationRecord(ada, {
      Id: "07k000000000003AAA",
      AccountId: ACCOUNT.east,
      IsDirect: false,
      Roles: "Economic Buyer",
    });
    const west = relationRecord(ada, {
      Id: "07k000000000004AAA",
      AccountId: ACCOUNT.west,
      IsDirect: false,
      Roles: "Decision Maker;Champion",
    });
    const plan = planWith(
      {
        multiAccount,
        parentLevelStorage: true,
        positions: { ...rolesPositions, unmapped: "create" },
      },
      [[east], [west]],
    );

    expect(plan.counts.create).toBe(1);
    expect(plan.entries[0]).toMatchObject({
      customer: { id: "c-group" },
      matchedCustomers: [{ id: "c-east" }, { id: "c-west" }],
      reason: "Stored at the top parent Acme Group, through Acme East, Acme West.",
      desired: {
        customerId: "c-group",
        positions: ["Billing Contact", "Champion", "Primary Contact"],
      },
    });
    expect(plan.positionsToCreate).toEqual(["Champion"]);
  });

  test("reports each unreadable phone once, even from several relations", () => {
    const odd = { ...ada, Phone: "ask reception" };
    const rows = [ACCOUNT.solo, ACCOUNT.east].map((AccountId, i) =>
      relationRecord(odd, { Id: `07k00000000001${i}AAA`, AccountId, IsDirect: i === 0 }),
    );
    const plan = planWith({ multiAccount }, [rows]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'Phone of Ada Lovelace is "ask reception", which is not a phone number we can read; it is kept as written.',
    ]);
  });

  test("applying a plan and planning again finds everything unchanged", () => {
    const config = {
      multiAccount,
      parentLevelStorage: true,
      positions: { ...rolesPositions, unmapped: "create" as const },
      ...rules("archive"),
    };
    const grace = contactRecord({
      Id: "003000000000002AAA",
      FirstName: "Grace",
      LastName: "Hopper",
      Email: " grace@navy.mil",
      AccountId: ACCOUNT.west,
      MobilePhone: "n/a",
      Phone: "+44 20 7946 0958",
    });
    const pages = [
      [
        relationRecord(ada, {
          Id: "07k000000000005AAA",
          AccountId: ACCOUNT.solo,
          IsDirect: true,
          Roles: "Decision Maker",
        }),
        relationRecord(ada, {
          Id: "07k000000000006AAA",
          AccountId: ACCOUNT.east,
          IsDirect: false,
          Roles: "Economic Buyer;Influencer",
        }),
        relationRecord(grace, {
          Id: "07k000000000007AAA",
          AccountId: ACCOUNT.west,
          IsDirect: true,
          Roles: "Economic Buyer",
        }),
        relationRecord(grace, {
          Id: "07k000000000008AAA",
          AccountId: ACCOUNT.east,
          IsDirect: false,
          Roles: null,
        }),
      ],
    ];
    const stale = existing({ id: "p-stale", salesforceContactId: "003000000000077AAA" });
    const first = planWith(config, pages, [stale, manual]);
    expect(first.counts).toEqual({
      create: 3,
      update: 0,
      unchanged: 0,
      archive: 1,
      delete: 0,
      skip: 0,
    });

    // Write what the plan says, the way the apply step does.
    const written: ExistingPerson[] = first.entries.flatMap((entry, i): ExistingPerson[] => {
      if (entry.outcome === "archive") return [{ ...stale, archivedAt: new Date() }];
      if (!entry.desired) return [];
      return [{ id: `p-${i}`, source: "salesforce", archivedAt: null, ...entry.desired }];
    });
    const second = planWith(config, pages, [...written, manual]);
    expect(second.counts).toEqual({
      create: 0,
      update: 0,
      unchanged: 4,
      archive: 0,
      delete: 0,
      skip: 0,
    });
    expect(second.entries.find((e) => e.personId === "p-stale")?.reason).toBe(
      "Its contact no longer matches the filters, or is gone from Salesforce. Already archived.",
    );
  });
});

describe("the plan outline a run applies", () => {
  test("makes the same entries as the finished plan each time they are read, counted alike", () => {
    const planner = createPlanner({
      ...validConfig({}),
      customers,
      defaultCountry: "US",
      positionNames: ["Billing Contact", "Primary Contact"],
      existingPeople: [
        existing({ firstName: "Augusta" }),
        existing({ id: "p-east", customerId: "c-east" }),
      ],
    });
    planner.add([ada, { ...ada, Id: "003000000000002AAA", Email: null }]);
    const outline = planner.outline();
    const first = [...outline.entries];
    const second = [...outline.entries];

    expect(second).toEqual(first);
    expect(first).toEqual(planner.finish().entries);
    expect(first.map((e) => [e.key, e.outcome])).toEqual([
      ["003000000000001|c-solo", "update"],
      ["003000000000001|c-east", "archive"],
      ["003000000000002", "skip"],
    ]);
    expect(outline.counts).toEqual({
      create: 0,
      update: 1,
      unchanged: 0,
      archive: 1,
      delete: 0,
      skip: 1,
    });
    expect(outline.leaving.map((e) => e.personId)).toEqual(["p-east"]);
    expect(outline.entryOf("003000000000001|c-solo")?.changes).toEqual([
      { field: "firstName", before: "Augusta", after: "Ada" },
    ]);
    expect(outline.entryOf("003000000000009|c-solo")).toBeUndefined();
  });
});
