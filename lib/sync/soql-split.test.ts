import { describe, expect, test } from "vitest";
import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";
import { evaluateFilters } from "@/lib/sync/evaluate";
import { createPlanner } from "@/lib/sync/plan";
import { readSyncRow } from "@/lib/sync/record";
import {
  buildSyncQueries,
  measureRequestTarget,
  planSyncQueries,
  QueryTooLongError,
} from "@/lib/sync/soql-split";
import { loadApexRecipes, loadDescribes, sampleId } from "@/lib/sync/test-samples";
import { validateConfig } from "@/lib/sync/validate";

const describes = loadDescribes();
const accountIds = Array.from({ length: 2000 }, (_, i) => sampleId("001", i + 1));

function validated(config: SyncConfig) {
  const result = validateConfig(config, describes);
  return { config: result.config, types: result.fieldTypes, issues: result.issues };
}

describe("planSyncQueries", () => {
  test("splits a 2,000-value in-list into requests that each fit, keeping every value once", () => {
    const { config, types } = validated({
      ...defaultSyncConfig,
      filters: {
        groups: [
          {
            rules: [
              { field: "AccountId", match: "inList", values: accountIds },
              { field: "Email", match: "isNotEmpty", values: [] },
            ],
          },
        ],
      },
    });
    const queries = planSyncQueries(config, types);

    // 491 Ids fit in 15,000 characters beside the rest of the query, each quote sent as %27.
    expect(queries.map((q) => q.groups[0]?.rules[0]?.values.length)).toEqual([
      491, 491, 491, 491, 36,
    ]);
    for (const { soql } of queries) {
      expect(measureRequestTarget(soql)).toBeLessThanOrEqual(15_000);
      expect(soql).toMatch(/ WHERE AccountId IN \('001.*'\) AND Email != null$/);
    }
    const values = queries.flatMap((q) => q.groups[0]?.rules[0]?.values ?? []);
    expect(values).toEqual(accountIds);
  });

  test("keeps one query when everything fits, with the exact request length measured", () => {
    const { config, types } = validated(defaultSyncConfig);
    const [soql = ""] = buildSyncQueries(config, types);
    expect(measureRequestTarget(soql)).toBe(
      "/services/data/v62.0/queryAll?q=".length + encodeURIComponent(soql).length,
    );
  });

  test("results of split OR groups overlap, and the planner counts each contact once", () => {
    const org = loadApexRecipes();
    const lastNames = org.contacts.map((contact) => String(contact.LastName));
    const { config, types } = validated({
      ...defaultSyncConfig,
      filters: {
        groups: [
          { rules: [{ field: "LastName", match: "inList", values: lastNames.slice(0, 100) }] },
          { rules: [{ field: "Title", match: "contains", values: ["Manager"] }] },
        ],
      },
      additional: {
        ...defaultSyncConfig.additional,
        rules: { ...defaultSyncConfig.additional.rules, requireEmail: false },
      },
    });
    const queries = planSyncQueries(config, types, { maxLength: 1500 });
    expect(queries.length).toBeGreaterThan(2);
    for (const { soql } of queries) {
      expect(measureRequestTarget(soql)).toBeLessThanOrEqual(1500);
    }

    // The sample org answers each query as Salesforce would, by its filter groups.
    const answer = (groups: SyncConfig["filters"]["groups"]) =>
      org.contacts.filter((c) => evaluateFilters({ groups }, readSyncRow(c), types).matched);
    const planner = createPlanner({
      config,
      fieldTypes: types,
      customers: org.customers,
      defaultCountry: "US",
      existingPeople: [],
    });
    for (const query of queries) planner.add(answer(query.groups));
    const plan = planner.finish();

    const expected = answer(config.filters.groups).length;
    expect(plan.counts.create).toBe(expected);
    // Contacts matched by both groups arrived twice and still make one person each.
    expect(plan.records.received).toBeGreaterThan(expected);
  });

  test("refuses a 'not in list' too long for any request, and validation says so", () => {
    const config: SyncConfig = {
      ...defaultSyncConfig,
      filters: {
        groups: [{ rules: [{ field: "AccountId", match: "notInList", values: accountIds }] }],
      },
    };
    const { types } = validated(defaultSyncConfig);
    expect(() => buildSyncQueries(config, { ...types, AccountId: "reference" })).toThrow(
      QueryTooLongError,
    );
    expect(validated(config).issues).toEqual([
      {
        path: "filters",
        field: null,
        message:
          "The filters are too long for Salesforce even when split into several queries: shorten the longest 'not in list' or 'excludes all of' list, or the longest value.",
        severity: "error",
      },
    ]);
  });
});
