import { describe, expect, test } from "vitest";

import { createOrg } from "./create-org";

const RELATION = "AccountContactRelation";

function orgWithContact() {
  const org = createOrg({ clockStart: "2025-02-01T10:00:00.000Z" });
  const acme = org.insert("Account", { Name: "Acme" });
  const globex = org.insert("Account", { Name: "Globex" });
  const contact = org.insert("Contact", {
    FirstName: "Ada",
    LastName: "Byron",
    AccountId: acme.Id,
  });
  const relations = () =>
    (org.childrenBy(RELATION, "ContactId").get(String(contact.Id)) ?? []).map((r) => ({
      account: r.AccountId === acme.Id ? "Acme" : "Globex",
      direct: r.IsDirect,
      deleted: r.IsDeleted,
    }));
  return { org, acme, globex, contact, relations };
}

describe("org mutations", () => {
  test("insert stamps system fields and adds the direct relation", () => {
    const { contact, relations } = orgWithContact();
    const at = Date.parse("2025-02-01T10:00:00.000Z");
    expect(contact).toMatchObject({
      Name: "Ada Byron",
      IsDeleted: false,
      CreatedDate: at,
      SystemModstamp: at,
    });
    expect(relations()).toEqual([{ account: "Acme", direct: true, deleted: false }]);
  });

  test("update bumps LastModifiedDate and SystemModstamp to the org clock", () => {
    const { org, contact } = orgWithContact();
    org.clock.advance(90_000);
    const updated = org.update("Contact", String(contact.Id), { email: "ada@acme.example" });
    const at = Date.parse("2025-02-01T10:01:30.000Z");
    expect(updated).toMatchObject({
      Email: "ada@acme.example",
      LastModifiedDate: at,
      SystemModstamp: at,
    });
    expect(updated.CreatedDate).toBe(contact.CreatedDate);
    expect(org.get("Contact", String(contact.Id))).toBe(updated);
  });

  test("moving a contact to another account keeps the old relation as an indirect one", () => {
    const { org, globex, contact, relations } = orgWithContact();
    org.update("Contact", String(contact.Id), { AccountId: globex.Id });
    expect(relations()).toEqual([
      { account: "Acme", direct: false, deleted: false },
      { account: "Globex", direct: true, deleted: false },
    ]);
  });

  test("delete marks the contact and its relations deleted", () => {
    const { org, contact, relations } = orgWithContact();
    org.delete("Contact", String(contact.Id));
    expect(org.get("Contact", String(contact.Id))!.IsDeleted).toBe(true);
    expect(relations()).toEqual([{ account: "Acme", direct: true, deleted: true }]);
  });

  test("merge deletes the duplicate with MasterRecordId and moves its relations", () => {
    const { org, acme, globex, contact } = orgWithContact();
    const duplicate = org.insert("Contact", { LastName: "Byron", AccountId: globex.Id });
    org.merge("Contact", String(contact.Id), [String(duplicate.Id)]);
    expect(org.get("Contact", String(duplicate.Id))).toMatchObject({
      IsDeleted: true,
      MasterRecordId: contact.Id,
    });
    const masterRelations = org.childrenBy(RELATION, "ContactId").get(String(contact.Id))!;
    expect(masterRelations.map((r) => [r.AccountId, r.IsDirect])).toEqual([
      [acme.Id, true],
      [globex.Id, false],
    ]);
  });

  test("refuses unknown fields and references to missing records", () => {
    const { org } = orgWithContact();
    expect(() => org.insert("Contact", { LastName: "X", Nope__c: 1 })).toThrow(
      "Contact has no field Nope__c",
    );
    expect(() => org.insert("Contact", { LastName: "X", AccountId: "0015g0000000099AAA" })).toThrow(
      "Contact.AccountId points at 0015g0000000099AAA, but no Account has that Id",
    );
  });
});
