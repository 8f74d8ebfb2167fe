import { describe, expect, test } from "vitest";

import { createOrg } from "../org/create-org";
import type { SandboxOrg } from "../org/org";
import type { SfRecord } from "../org/values";
import { evaluateSoql } from "../soql/evaluate";
import { generateOrgData } from "./generator";

function generated(contacts: number, options: { personAccounts?: boolean; seed?: number } = {}) {
  const org = createOrg({ personAccounts: options.personAccounts });
  const summary = generateOrgData(org, { contacts, seed: options.seed });
  return { org, summary };
}

const count = (org: SandboxOrg, soql: string, scanAll = false) =>
  evaluateSoql(org, soql, { scanAll }).totalSize;

function depthOf(org: SandboxOrg, account: SfRecord): number {
  let depth = 0;
  for (let parent = account.ParentId; typeof parent === "string"; depth++) {
    parent = org.get("Account", parent)!.ParentId;
  }
  return depth;
}

describe("generateOrgData", () => {
  test("generates the same org for the same seed and another for another seed", () => {
    const a = generated(300).org.records("Contact");
    const b = generated(300).org.records("Contact");
    const c = generated(300, { seed: 7 }).org.records("Contact");
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    expect(a[0]).toMatchObject({
      Id: "0035g0000000001AAA",
      LastName: "Taylor",
      MailingCountry: null,
    });
  });

  test("puts a fifth of the contacts on several accounts, with roles", () => {
    const { org, summary } = generated(2000);
    const contactsWithIndirect = new Set(
      org
        .records("AccountContactRelation")
        .filter((r) => !r.IsDirect && !r.IsDeleted)
        .map((r) => r.ContactId),
    );
    expect(contactsWithIndirect.size / 2000).toBeGreaterThan(0.15);
    expect(contactsWithIndirect.size / 2000).toBeLessThan(0.25);
    expect(summary.indirectRelations).toBeGreaterThan(contactsWithIndirect.size);
    expect(
      count(
        org,
        "SELECT COUNT() FROM AccountContactRelation WHERE Roles INCLUDES ('Decision Maker')",
      ),
    ).toBeGreaterThan(100);
    expect(
      count(org, "SELECT COUNT() FROM AccountContactRelation WHERE IsActive = false"),
    ).toBeGreaterThan(20);
  });

  test("writes the mess real orgs hold", () => {
    const { org, summary } = generated(2000);
    const contacts = org.records("Contact");
    const values = (field: string) => new Set(contacts.map((c) => c[field]));
    for (const country of ["United States", "US", "Germany", "DE", null])
      expect(values("MailingCountry").has(country)).toBe(true);
    expect(contacts.some((c) => c.Phone === "n/a")).toBe(true);
    expect(contacts.some((c) => /^\(\d{3}\) 555-\d{4}$/.test(String(c.Phone)))).toBe(true);
    expect(contacts.some((c) => /^\+44 20 7946 0\d{3}$/.test(String(c.Phone)))).toBe(true);
    expect(contacts.some((c) => /^0049 30 \d{6}$/.test(String(c.Phone)))).toBe(true);
    expect(contacts.some((c) => /ext\. \d{2}$/.test(String(c.Phone)))).toBe(true);
    for (const name of ["O'Brien", "Müller", "山田"])
      expect(values("LastName").has(name)).toBe(true);
    expect(contacts.some((c) => c.FirstName === "Zoë")).toBe(true);
    expect(contacts.some((c) => c.Email === null)).toBe(true);
    expect(contacts.some((c) => typeof c.Email === "string" && /[A-Z]/.test(c.Email))).toBe(true);
    expect(count(org, "SELECT COUNT() FROM Contact WHERE AccountId = null")).toBeGreaterThan(80);
    expect(count(org, "SELECT COUNT() FROM Contact WHERE IsDeleted = true", true)).toBe(
      summary.deleted + summary.merged,
    );
    expect(count(org, "SELECT COUNT() FROM Contact WHERE MasterRecordId != null", true)).toBe(
      summary.merged,
    );
    expect(summary.merged).toBeGreaterThan(5);
    const perStamp = new Map<unknown, number>();
    for (const c of contacts)
      perStamp.set(c.SystemModstamp, (perStamp.get(c.SystemModstamp) ?? 0) + 1);
    const tied = contacts.filter((c) => perStamp.get(c.SystemModstamp)! > 1).length;
    expect(tied).toBeGreaterThan(1000);
  });

  test("builds account hierarchies several levels deep", () => {
    const { org } = generated(2000);
    const depths = org.records("Account").map((a) => depthOf(org, a));
    expect(Math.max(...depths)).toBe(4);
    expect(depths.filter((d) => d > 0).length).toBeGreaterThan(100);
  });

  test("creates person accounts only when the org has them", () => {
    const { org, summary } = generated(1000, { personAccounts: true });
    expect(summary.personAccounts).toBeGreaterThan(20);
    expect(count(org, "SELECT COUNT() FROM Account WHERE IsPersonAccount = true")).toBe(
      summary.personAccounts,
    );
    expect(count(org, "SELECT COUNT() FROM Contact WHERE IsPersonAccount = true", true)).toBe(
      summary.personAccounts,
    );
    expect(generated(1000).summary.personAccounts).toBe(0);
  });
});
