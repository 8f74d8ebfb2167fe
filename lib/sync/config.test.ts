import { describe, expect, test } from "vitest";
import {
  defaultSyncConfig,
  parseSyncConfig,
  type SyncConfig,
  syncConfigSchema,
} from "@/lib/sync/config";

function withRule(rule: unknown): unknown {
  return { ...defaultSyncConfig, filters: { groups: [{ rules: [rule] }] } };
}

function errorsOf(input: unknown): Record<string, string> {
  const parsed = parseSyncConfig(input);
  if (parsed.ok) return {};
  return Object.fromEntries(parsed.issues.map((issue) => [issue.path, issue.message]));
}

describe("syncConfigSchema", () => {
  test("accepts the default config", () => {
    expect(syncConfigSchema.safeParse(defaultSyncConfig).success).toBe(true);
  });

  test("refuses 'in list' with no values, rather than matching everything", () => {
    expect(errorsOf(withRule({ field: "Title", match: "inList", values: [] }))).toEqual({
      "filters.groups.0.rules.0.values": "Choose at least one value for 'in list'.",
    });
  });

  test("asks for exactly one value for 'equals' and none for 'is empty'", () => {
    expect(errorsOf(withRule({ field: "Title", match: "equals", values: [] }))).toEqual({
      "filters.groups.0.rules.0.values": "Enter a value for 'equals'.",
    });
    expect(errorsOf(withRule({ field: "Title", match: "equals", values: ["a", "b"] }))).toEqual({
      "filters.groups.0.rules.0.values":
        "'equals' takes exactly one value; use 'in list' for several values.",
    });
    expect(errorsOf(withRule({ field: "Email", match: "isEmpty", values: ["x"] }))).toEqual({
      "filters.groups.0.rules.0.values": "'is empty' takes no value; remove the values.",
    });
  });

  test("refuses a blank value, a field name that is not an API name, and an empty group", () => {
    expect(errorsOf(withRule({ field: "Title", match: "inList", values: ["CFO", ""] }))).toEqual({
      "filters.groups.0.rules.0.values.1":
        "A value cannot be blank; use 'is empty' to find contacts without a value.",
    });
    expect(errorsOf(withRule({ field: "Job Title", match: "isEmpty", values: [] }))).toEqual({
      "filters.groups.0.rules.0.field":
        "Enter a Salesforce field API name such as Title, Region__c or Account.Industry.",
    });
    const emptyGroup = { ...defaultSyncConfig, filters: { groups: [{ rules: [] }] } };
    expect(errorsOf(emptyGroup)).toEqual({
      "filters.groups.0.rules": "A group needs at least one rule; remove the empty group.",
    });
  });

  test("says which answer is missing and which key is unknown", () => {
    const { multiAccount: _multiAccount, ...noMultiAccount } = defaultSyncConfig;
    expect(errorsOf(noMultiAccount)).toEqual({ multiAccount: "This answer is missing." });
    const { parentLevelStorage: _parentLevel, ...noParentLevel } = defaultSyncConfig;
    expect(errorsOf(noParentLevel)).toEqual({
      parentLevelStorage: "Answer whether People are stored at the top parent.",
    });
    expect(errorsOf({ ...defaultSyncConfig, filter: [] })).toEqual({
      "": 'Unknown answer "filter"; check the spelling.',
    });
  });

  test("checks answers against each other", () => {
    const config: SyncConfig = {
      ...defaultSyncConfig,
      positions: {
        mode: "field",
        field: "AccountContactRelation.Roles",
        valueMap: [],
        unmapped: "ignore",
      },
      phones: [
        { field: "Phone", type: "work" },
        { field: "phone", type: "mobile" },
      ],
      additional: {
        ...defaultSyncConfig.additional,
        customFieldMappings: [
          { salesforceField: "Department", personField: "department" },
          { salesforceField: "Title", personField: "Department" },
        ],
      },
    };
    expect(errorsOf(config)).toEqual({
      "positions.field":
        "AccountContactRelation.Roles can set positions only when multi-account is on.",
      "positions.valueMap":
        "Map at least one value to a position, or choose to create positions for them.",
      "phones.1.field": "phone is listed twice.",
      "additional.customFieldMappings.1.personField":
        "The person field Department is already mapped.",
    });
  });

  test("needs a phone field when a phone is required", () => {
    const config = {
      ...defaultSyncConfig,
      phones: [],
      additional: {
        ...defaultSyncConfig.additional,
        rules: { ...defaultSyncConfig.additional.rules, requirePhone: true },
      },
    };
    expect(errorsOf(config)).toEqual({
      "additional.rules.requirePhone":
        "Requiring a phone needs at least one phone field; add one in the phones step.",
    });
  });
});
