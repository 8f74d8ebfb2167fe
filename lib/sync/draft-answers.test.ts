import { describe, expect, test } from "vitest";
import { defaultSyncConfig } from "@/lib/sync/config";
import { draftAnswers } from "@/lib/sync/draft-answers";

describe("draftAnswers", () => {
  test("keeps a half-done draft as typed, invalid values included", () => {
    const draft = {
      ...defaultSyncConfig,
      filters: { groups: [{ rules: [{ field: "Region__c", match: "inList", values: [] }] }] },
      phones: [{ field: "Email", type: "work" }],
    };
    expect(draftAnswers(draft)).toEqual(draft);
  });

  test("fills the sections a draft lacks from the defaults", () => {
    const answers = draftAnswers({ parentLevelStorage: true, additional: { notes: "call back" } });
    expect(answers.parentLevelStorage).toBe(true);
    expect(answers.additional.notes).toBe("call back");
    expect(answers.additional.rules).toEqual(defaultSyncConfig.additional.rules);
    expect(answers.phones).toEqual(defaultSyncConfig.phones);
  });

  test("opens the defaults for anything that is not a draft", () => {
    expect(draftAnswers(null)).toEqual(defaultSyncConfig);
    expect(draftAnswers(["not", "answers"])).toEqual(defaultSyncConfig);
  });
});
