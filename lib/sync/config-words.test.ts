import { describe, expect, test } from "vitest";
import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";
import { describeConfig } from "@/lib/sync/config-words";

const onboarded: SyncConfig = {
  ...defaultSyncConfig,
  multiAccount: { enabled: true, includeInactiveRelations: false },
  filters: {
    groups: [
      { rules: [{ field: "Account.Type", match: "notInList", values: ["Competitor"] }] },
      { rules: [{ field: "Email", match: "isNotEmpty", values: [] }] },
    ],
  },
  positions: {
    mode: "field",
    field: "AccountContactRelation.Roles",
    valueMap: [{ salesforceValue: "Economic Buyer", positionName: "Billing Contact" }],
    unmapped: "create",
  },
  parentLevelStorage: true,
};

describe("describeConfig", () => {
  test("restates every answer of the six questions in words", () => {
    const sections = describeConfig(onboarded);
    expect(sections.map((s) => s.title)).toEqual([
      "Contact matching",
      "Contact filters",
      "Positions",
      "Phone numbers",
      "Customer groups",
      "Additional requirements",
    ]);
    expect(sections[1]!.lines).toEqual([
      'A contact is synced when (Account.Type not in list "Competitor") or (Email is not empty).',
    ]);
    expect(sections[2]!.lines).toContain('Values: "Economic Buyer" becomes Billing Contact.');
    expect(sections[2]!.lines).toContain(
      "A value without a mapping becomes a position of the same name.",
    );
    expect(sections[3]!.lines[0]).toBe("Phone numbers from Phone (work), MobilePhone (mobile).");
    expect(sections[5]!.lines).toContain("A contact without an email is skipped.");
  });

  test("words a rule still being typed without failing", () => {
    const halfDone = {
      ...defaultSyncConfig,
      filters: { groups: [{ rules: [{ field: "", match: "inList", values: [] }] }] },
    } as SyncConfig;
    expect(describeConfig(halfDone)[1]!.lines).toEqual([
      "A contact is synced when ((no field) in list (no value)).",
    ]);
  });
});
