import { describe, expect, test } from "vitest";
import { fieldOptions, findFieldOption, trimDescribes } from "@/lib/sync/org-fields";
import { loadDescribes } from "@/lib/sync/test-samples";

const describes = trimDescribes(loadDescribes({ relations: true }));

describe("fieldOptions", () => {
  test("offers only Contact phone fields for phone numbers", () => {
    const refs = fieldOptions(describes, "phone", true).map((o) => o.ref);
    expect(refs).toEqual([
      "Phone",
      "Fax",
      "MobilePhone",
      "HomePhone",
      "OtherPhone",
      "AssistantPhone",
    ]);
  });

  test("offers relation fields only when multi-account is on", () => {
    const refs = (multi: boolean) => fieldOptions(describes, "position", multi).map((o) => o.ref);
    expect(refs(true)).toContain("AccountContactRelation.Roles");
    expect(refs(false)).not.toContain("AccountContactRelation.Roles");
    expect(refs(true)).not.toContain("Account.Type");
  });

  test("leaves compound fields out of filters", () => {
    const refs = fieldOptions(describes, "filter", false).map((o) => o.ref);
    expect(refs).toContain("MailingCity");
    expect(refs).not.toContain("MailingAddress");
  });
});

describe("findFieldOption", () => {
  test("finds a field whatever the case of its object and name", () => {
    expect(findFieldOption(describes, "account.type")?.name).toBe("Type");
    expect(findFieldOption(describes, "Region__c")).toBeUndefined();
  });
});
