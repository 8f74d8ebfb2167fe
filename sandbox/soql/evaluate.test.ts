import { describe, expect, test } from "vitest";

import { createOrg } from "../org/create-org";
import { queryRecords } from "./evaluate";

function smallOrg() {
  const org = createOrg({
    customFields: [
      {
        object: "Contact",
        name: "Contact_Roles__c",
        type: "multipicklist",
        picklistValues: ["Billing", "Primary", "Technical"],
      },
      { object: "Contact", name: "Region__c", type: "string", hidden: true },
    ],
  });
  const parent = org.insert("Account", { Name: "Globex Holdings" });
  const acme = org.insert("Account", { Name: "Acme", ParentId: parent.Id });
  org.insert("Contact", {
    FirstName: "Seán",
    LastName: "O'Brien",
    Email: "SEAN@acme.example",
    AccountId: acme.Id,
    Contact_Roles__c: "Billing;Primary",
  });
  org.insert("Contact", {
    FirstName: "Zoë",
    LastName: "Müller",
    AccountId: acme.Id,
    Contact_Roles__c: "Technical",
  });
  org.insert("Contact", { LastName: "山田", Email: "yamada@example.jp" });
  return org;
}

describe("evaluateSoql", () => {
  test("returns parent fields as nested objects and null parents as null", () => {
    const org = smallOrg();
    const records = queryRecords(
      org,
      "select lastname, account.name, ACCOUNT.PARENT.NAME from contact order by LastName",
    );
    expect(records.map((r) => r.LastName)).toEqual(["Müller", "O'Brien", "山田"]);
    expect(records[0]!.Account).toMatchObject({
      Name: "Acme",
      Parent: { Name: "Globex Holdings" },
    });
    expect(records[2]!.Account).toBeNull();
  });

  test("matches INCLUDES alternatives and AND inside one value", () => {
    const org = smallOrg();
    const names = (where: string) =>
      queryRecords(org, `SELECT LastName FROM Contact WHERE ${where} ORDER BY LastName`).map(
        (r) => r.LastName,
      );
    expect(names("Contact_Roles__c INCLUDES ('billing;primary')")).toEqual(["O'Brien"]);
    expect(names("Contact_Roles__c INCLUDES ('Billing;Technical')")).toEqual([]);
    expect(names("Contact_Roles__c INCLUDES ('Billing', 'Technical')")).toEqual([
      "Müller",
      "O'Brien",
    ]);
    expect(names("Contact_Roles__c EXCLUDES ('Billing')")).toEqual(["Müller", "山田"]);
    expect(names("LastName = 'o\\'brien'")).toEqual(["O'Brien"]);
    expect(names("Email = null")).toEqual(["Müller"]);
    expect(names("NOT (Email = null OR LastName LIKE 'o%')")).toEqual(["山田"]);
  });

  test("refuses a hidden field as if it did not exist", () => {
    const org = smallOrg();
    expect(() => queryRecords(org, "SELECT Id, Region__c FROM Contact")).toThrow(
      /No such column 'Region__c' on entity 'Contact'/,
    );
  });
});

describe("evaluateSoql filters, order and limits", () => {
  function datedOrg() {
    const org = createOrg({ clockStart: "2025-03-10T12:00:00.000Z" });
    const acme = org.insert("Account", { Name: "Acme" });
    const rows: [string, string | null, string | null, number][] = [
      ["Ames", "Billing", "1990-05-01", 3],
      ["Baker", null, "1985-01-20", 1],
      ["Chen", "Billing", null, 2],
      ["Diaz", "Support", "2001-12-31", 1],
    ];
    for (const [last, department, birthdate, hoursAgo] of rows) {
      org.insert(
        "Contact",
        {
          LastName: last,
          Department: department,
          Birthdate: birthdate,
          AccountId: last === "Chen" ? null : acme.Id,
        },
        { at: Date.parse("2025-03-10T12:00:00.000Z") - hoursAgo * 3_600_000 },
      );
    }
    return org;
  }
  const names = (org: ReturnType<typeof datedOrg>, soql: string) =>
    queryRecords(org, soql).map((r) => r.LastName);

  test("orders by several fields with NULLS FIRST and LAST, then limits and offsets", () => {
    const org = datedOrg();
    expect(names(org, "SELECT LastName FROM Contact ORDER BY Department, LastName DESC")).toEqual([
      "Baker",
      "Chen",
      "Ames",
      "Diaz",
    ]);
    expect(
      names(org, "SELECT LastName FROM Contact ORDER BY Department NULLS LAST, LastName"),
    ).toEqual(["Ames", "Chen", "Diaz", "Baker"]);
    expect(
      names(
        org,
        "SELECT LastName FROM Contact ORDER BY Birthdate DESC NULLS FIRST LIMIT 2 OFFSET 1",
      ),
    ).toEqual(["Diaz", "Ames"]);
  });

  test("compares dates, datetimes, date literals, IN lists and semi-joins", () => {
    const org = datedOrg();
    expect(
      names(org, "SELECT LastName FROM Contact WHERE Birthdate < 1990-06-01 ORDER BY LastName"),
    ).toEqual(["Ames", "Baker"]);
    expect(
      names(
        org,
        "SELECT LastName FROM Contact WHERE CreatedDate >= 2025-03-10T09:30:00Z ORDER BY LastName",
      ),
    ).toEqual(["Baker", "Chen", "Diaz"]);
    expect(
      names(
        org,
        "SELECT LastName FROM Contact WHERE CreatedDate > 2025-03-10T10:30:00+01:00 ORDER BY LastName",
      ),
    ).toEqual(["Baker", "Chen", "Diaz"]);
    expect(
      names(
        org,
        "SELECT LastName FROM Contact WHERE CreatedDate = TODAY AND Department NOT IN ('billing') ORDER BY LastName",
      ),
    ).toEqual(["Baker", "Diaz"]);
    expect(
      names(
        org,
        "SELECT LastName FROM Contact WHERE Department IN ('SUPPORT', null) ORDER BY LastName",
      ),
    ).toEqual(["Baker", "Diaz"]);
    expect(
      names(
        org,
        "SELECT LastName FROM Contact WHERE Id IN (SELECT ContactId FROM AccountContactRelation WHERE IsDirect = true) ORDER BY LastName",
      ),
    ).toEqual(["Ames", "Baker", "Diaz"]);
  });

  test("returns child relationship subqueries nested, or null without children", () => {
    const org = datedOrg();
    const [acme] = queryRecords(
      org,
      "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName DESC) FROM Account",
    );
    expect(acme!.Contacts).toMatchObject({
      totalSize: 3,
      done: true,
      records: [{ LastName: "Diaz" }, { LastName: "Baker" }, { LastName: "Ames" }],
    });
    const [chen] = queryRecords(
      org,
      "SELECT LastName, (SELECT Id FROM AccountContactRelations) FROM Contact WHERE LastName = 'Chen'",
    );
    expect(chen!.AccountContactRelations).toBeNull();
  });

  test("finds records changed since a moment after an update moves the clock", () => {
    const org = datedOrg();
    const since = org.clock.now();
    org.clock.advance(60_000);
    const [baker] = queryRecords(org, "SELECT Id FROM Contact WHERE LastName = 'Baker'");
    org.update("Contact", String(baker!.Id), { Department: "Billing" });
    expect(
      names(
        org,
        `SELECT LastName FROM Contact WHERE SystemModstamp > ${new Date(since).toISOString()}`,
      ),
    ).toEqual(["Baker"]);
  });

  test("rejects a type mismatch and an operator the field does not take", () => {
    const org = datedOrg();
    expect(() => queryRecords(org, "SELECT Id FROM Contact WHERE LastName = 5")).toThrow(
      "value of filter criterion for field 'LastName' must be of type string and should be enclosed in quotes",
    );
    expect(() => queryRecords(org, "SELECT Id FROM Contact WHERE LastName INCLUDES ('a')")).toThrow(
      "includes or excludes operator only valid on multipicklist field",
    );
  });
});
