import { join } from "node:path";

import { describe, expect, test } from "vitest";

import { createOrg } from "../org/create-org";
import { evaluateSoql, queryRecords } from "../soql/evaluate";
import { requireSamplesDir } from "../test-support/samples-dir";
import { loadDataTrees } from "./data-tree";

const samples = requireSamplesDir();
const apex = join(samples, "apex-recipes");
const coral = join(samples, "coral-cloud");
const junction = join(samples, "plugin-data-junction");

function seeded(dirs: string[]) {
  const org = createOrg({ samplesDir: samples });
  const summary = loadDataTrees(org, dirs);
  return { org, summary, query: (soql: string) => queryRecords(org, soql) };
}

describe("loadDataTrees", () => {
  test("loads apex-recipes with @refs resolved to deterministic Ids", () => {
    const { summary, query } = seeded([apex]);
    expect(summary.counts).toEqual({ Account: 50, Contact: 150, AccountContactRelation: 0 });
    const [first] = query(
      "SELECT Id, Name, Account.Name, AccountId FROM Contact WHERE LastName = 'Sinisbury'",
    );
    expect(first).toMatchObject({
      Id: "0035g0000000001AAA",
      Name: "Lianna Sinisbury",
      AccountId: "0015g000000000AAAQ",
      Account: { Name: "Blogtags 78" },
    });
    expect(summary.ids.get(apex)!.get("ContactRef150")).toBe("0035g000000002QAAQ");
  });

  test("gives the same Ids to the same seeds every time", () => {
    const ids = () =>
      seeded([apex, coral])
        .query("SELECT Id FROM Contact")
        .map((r) => r.Id);
    const once = ids();
    expect(once).toHaveLength(306);
    expect(ids()).toEqual(once);
  });

  test("matches field names in any casing and keeps their types", () => {
    const { query } = seeded([apex]);
    const [account] = query(
      "SELECT Name, NumberOfEmployees, AnnualRevenue, BillingCountry FROM Account WHERE Name = 'Zoonoodle 37'",
    );
    expect(account).toMatchObject({
      NumberOfEmployees: 28549,
      AnnualRevenue: 5117586,
      BillingCountry: "United States",
    });
    expect(
      query("SELECT LastName FROM Contact WHERE LastName LIKE '%\\'%' ORDER BY LastName").map(
        (r) => r.LastName,
      ),
    ).toEqual(["D'Emanuele", "O'Carney"]);
  });

  test("holds the direct relation of every contact with an account, and the seed's indirect ones", () => {
    const { org, query } = seeded([apex, junction]);
    const count = (where: string) =>
      evaluateSoql(org, `SELECT COUNT() FROM AccountContactRelation WHERE ${where}`, {
        scanAll: false,
      }).totalSize;
    expect(count("IsDirect = true")).toBe(154);
    expect(count("IsDirect = false")).toBe(3);
    const relations = query(
      "SELECT Account.Name, IsDirect, IsActive FROM AccountContactRelation WHERE Contact.LastName = 'Person X' ORDER BY Account.Name",
    );
    expect(
      relations.map((r) => [(r.Account as { Name: string }).Name, r.IsDirect, r.IsActive]),
    ).toEqual([
      ["Acct 2", false, true],
      ["Acct 4", false, true],
      ["We Know Everybody", true, true],
    ]);
  });

  test("resolves each folder's references on their own although the names repeat", () => {
    const { org, summary } = seeded([apex, junction]);
    const apexAccount = summary.ids.get(apex)!.get("AccountRef2")!;
    const junctionAccount = summary.ids.get(junction)!.get("AccountRef2")!;
    expect(org.get("Account", apexAccount)!.Name).toBe("Quire 203");
    expect(org.get("Account", junctionAccount)!.Name).toBe("Acct 2");
  });

  test("turns coral-cloud's custom fields into queryable custom fields of inferred types", () => {
    const { org, query } = seeded([coral]);
    const [frayda] = query(
      "SELECT External_Id__c, Guest_Type__c, AccountId FROM Contact WHERE LastName = 'Dowsing'",
    );
    expect(frayda).toMatchObject({
      External_Id__c: "10008756",
      Guest_Type__c: "Romance Retreaters",
      AccountId: null,
    });
    expect(org.schema.internal("Contact").field("next_check_in_date__c")).toMatchObject({
      name: "Next_Check_in_Date__c",
      type: "date",
      custom: true,
    });
    expect(
      query("SELECT LastName FROM Contact WHERE Next_Check_in_Date__c > 2024-12-01").map(
        (r) => r.LastName,
      ),
    ).toEqual(["Rodriguez"]);
  });
});
