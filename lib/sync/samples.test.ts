import { describe, expect, test } from "vitest";
import type { SyncConfig } from "@/lib/sync/config";
import { evaluateFilters } from "@/lib/sync/evaluate";
import { createPlanner } from "@/lib/sync/plan";
import type { Plan } from "@/lib/sync/plan-types";
import { readSyncRow, type SalesforceRecord } from "@/lib/sync/record";
import { multiAccount, validConfig } from "@/lib/sync/test-fixtures";
import {
  loadApexRecipes,
  loadCoralCloud,
  loadDataJunction,
  type SampleOrg,
} from "@/lib/sync/test-samples";

const noRequirements = {
  customFieldMappings: [],
  rules: { requireEmail: false, requirePhone: false, onNoLongerMatching: "archive" as const },
  notes: "",
};

/** Plans a sample org, answering the sync's query the way Salesforce would: by the filters. */
function planSample(
  org: SampleOrg,
  overrides: Partial<SyncConfig>,
  records: SalesforceRecord[],
): Plan {
  const { config, fieldTypes } = validConfig(overrides);
  const planner = createPlanner({
    config,
    fieldTypes,
    customers: org.customers,
    defaultCountry: "US",
    existingPeople: [],
  });
  planner.add(
    records.filter((r) => evaluateFilters(config.filters, readSyncRow(r), fieldTypes).matched),
  );
  return planner.finish();
}

describe("the shared samples", () => {
  test("apex-recipes with a filter on Title and a fixed position gives these People", () => {
    const org = loadApexRecipes();
    const plan = planSample(
      org,
      {
        filters: {
          groups: [{ rules: [{ field: "Title", match: "contains", values: ["manager"] }] }],
        },
        positions: { mode: "fixed", names: ["Billing Contact"] },
      },
      org.contacts,
    );

    expect(plan.counts).toEqual({
      create: 8,
      update: 0,
      unchanged: 0,
      archive: 0,
      delete: 0,
      skip: 0,
    });
    expect(plan.warnings).toEqual([]);
    const people = plan.entries.map((e) => [
      e.desired?.firstName,
      e.desired?.lastName,
      e.customer?.name,
      e.desired?.email,
      e.desired?.phones.map((p) => p.e164).join(),
      e.desired?.positions.join(),
    ]);
    expect(people).toEqual([
      ["Jarrid", "Linney", "Fatz 2", "jlinneyp@globo.com", "+14172246645", "Billing Contact"],
      ["Glen", "Gair", "Meeveo 197", "ggair1o@ftc.gov", "+13947393476", "Billing Contact"],
      [
        "Virgie",
        "Huffey",
        "Quatz 189",
        "vhuffey2t@homestead.com",
        "+11122680123",
        "Billing Contact",
      ],
      [
        "Derward",
        "Witherup",
        "Kaymbo 217",
        "dwitherup2w@jugem.jp",
        "+12659282363",
        "Billing Contact",
      ],
      [
        "Adriaens",
        "Zorzetti",
        "JumpXS 67",
        "azorzetti2x@aboutads.info",
        "+12004398388",
        "Billing Contact",
      ],
      [
        "Xymenes",
        "Discombe",
        "Jayo 161",
        "xdiscombe2y@imgur.com",
        "+12031654739",
        "Billing Contact",
      ],
      [
        "Susanetta",
        "D'Emanuele",
        "Feedbug 99",
        "sdemanuele30@usnews.com",
        "+11176456218",
        "Billing Contact",
      ],
      [
        "Jenilee",
        "Sibbons",
        "Photolist 197",
        "jsibbons3y@bandcamp.com",
        "+11462118881",
        "Billing Contact",
      ],
    ]);
  });

  test("plugin-data-junction with multi-account puts a contact on each of its accounts' customers", () => {
    const org = loadDataJunction();
    const plan = planSample(org, { multiAccount, additional: noRequirements }, org.relations);

    const byContact = new Map<string, string[]>();
    for (const entry of plan.entries) {
      byContact.set(entry.contact.name, [
        ...(byContact.get(entry.contact.name) ?? []),
        entry.customer?.id ?? "",
      ]);
    }
    // Person A is related to two accounts and Person X to three; the direct relation counts once.
    expect(Object.fromEntries(byContact)).toEqual({
      "Person C": ["customer-4"],
      "Person X": ["customer-4", "customer-1", "customer-3"],
      "Person A": ["customer-4", "customer-1"],
      "Person B": ["customer-4"],
    });
    expect(plan.counts.create).toBe(7);
  });

  test("coral-cloud contacts are all skipped as having no account", () => {
    const org = loadCoralCloud();
    const plan = planSample(org, {}, org.contacts);

    expect(plan.counts).toEqual({
      create: 0,
      update: 0,
      unchanged: 0,
      archive: 0,
      delete: 0,
      skip: 156,
    });
    expect(new Set(plan.entries.map((e) => e.reason))).toEqual(
      new Set(["The contact has no account."]),
    );
  });
});
