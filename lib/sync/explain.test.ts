import { describe, expect, test } from "vitest";
import { explainContact } from "@/lib/sync/explain";
import type { ExistingPerson } from "@/lib/sync/person-diff";
import {
  ACCOUNT,
  contactRecord,
  customers,
  multiAccount,
  relationRecord,
  rolesPositions,
  validConfig,
} from "@/lib/sync/test-fixtures";

const ada = contactRecord({
  Id: "003000000000001AAA",
  FirstName: "Ada",
  LastName: "Lovelace",
  Email: "ada@example.com",
  AccountId: ACCOUNT.east,
  MailingCountry: "USA",
  Phone: "(415) 555-2671",
  MobilePhone: "n/a",
  Title: "Office Manager",
});

const config = validConfig({
  multiAccount,
  parentLevelStorage: true,
  positions: rolesPositions,
  filters: {
    groups: [
      {
        rules: [
          { field: "Title", match: "contains", values: ["manager"] },
          {
            field: "AccountContactRelation.Roles",
            match: "includesAny",
            values: ["Economic Buyer"],
          },
        ],
      },
    ],
  },
});

const relations = [
  relationRecord(ada, {
    Id: "07k000000000001AAA",
    AccountId: ACCOUNT.east,
    IsDirect: true,
    Roles: "Economic Buyer",
  }),
  relationRecord(ada, {
    Id: "07k000000000002AAA",
    AccountId: ACCOUNT.west,
    IsDirect: false,
    Roles: "Decision Maker",
  }),
  relationRecord(ada, {
    Id: "07k000000000003AAA",
    AccountId: ACCOUNT.solo,
    IsDirect: false,
    IsActive: false,
    Roles: "Economic Buyer",
  }),
];

function explain(existingPeople: ExistingPerson[] = [], matchingRecordIds?: string[]) {
  return explainContact({
    ...config,
    customers,
    defaultCountry: "US",
    positionNames: ["Billing Contact"],
    existingPeople,
    records: relations,
    matchingRecordIds,
  });
}

describe("explainContact", () => {
  test("traces each relation rule by rule, and where the contact lands and why", () => {
    expect(explain().lines).toEqual([
      "Ada Lovelace (003000000000001AAA), ada@example.com",
      "Relation to Acme East Inc (001000000000101AAA): direct, active.",
      "Filter group 1: matches.",
      '  Title contains "manager": yes (Title is "Office Manager").',
      '  AccountContactRelation.Roles includes any of "Economic Buyer": yes (AccountContactRelation.Roles is "Economic Buyer").',
      "Phone numbers read as US, from the mailing country.",
      'Phone: "(415) 555-2671" becomes +14155552671 (work).',
      'MobilePhone: "n/a" is not a readable phone number; kept as written.',
      "Matches the customer Acme East; People are stored at the top parent, so it lands on Acme Group (Acme East → Acme Group).",
      'Positions: Billing Contact, from AccountContactRelation.Roles: "Economic Buyer" maps to Billing Contact.',
      "Relation to Acme West Inc (001000000000102AAA): indirect, active.",
      "Filter group 1: does not match.",
      '  Title contains "manager": yes (Title is "Office Manager").',
      '  AccountContactRelation.Roles includes any of "Economic Buyer": no (AccountContactRelation.Roles is "Decision Maker").',
      "Left out: the filters exclude it.",
      "Relation to Solo Ltd (001000000000103AAA): indirect, inactive.",
      "Filter group 1: matches.",
      '  Title contains "manager": yes (Title is "Office Manager").',
      '  AccountContactRelation.Roles includes any of "Economic Buyer": yes (AccountContactRelation.Roles is "Economic Buyer").',
      "Left out: the relation is inactive, and only active relations count.",
      "Outcome: create on Acme Group. Stored at the top parent Acme Group, through Acme East.",
    ]);
  });

  test("gives the outcome a run would, against the contact's existing People", () => {
    const onSolo: ExistingPerson = {
      id: "p-solo",
      customerId: "c-solo",
      source: "salesforce",
      salesforceContactId: "003000000000001AAA",
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.com",
      phones: [],
      positions: [],
      customFields: {},
      archivedAt: null,
    };
    const someoneElse = { ...onSolo, id: "p-other", salesforceContactId: "003000000000002AAA" };

    expect(
      explain([onSolo, someoneElse]).entries.map((e) => [e.outcome, e.customer?.name, e.reason]),
    ).toEqual([
      ["create", "Acme Group", "Stored at the top parent Acme Group, through Acme East."],
      ["archive", "Solo Ltd", "Its contact now lands on Acme Group."],
    ]);
  });

  test("lets Salesforce's verdict decide, and says when it differs from the rules here", () => {
    const result = explain([], ["07k000000000002AAA"]);
    expect(result.rows.map((row) => [row.recordId, row.included])).toEqual([
      ["07k000000000001AAA", false],
      ["07k000000000002AAA", true],
      ["07k000000000003AAA", false],
    ]);
    expect(result.rows[1]?.lines).toContain(
      "Salesforce says this row matches the filters; its verdict decides.",
    );
  });

  test("says so when the contact is not found", () => {
    const result = explainContact({
      ...config,
      customers,
      defaultCountry: "US",
      existingPeople: [],
      records: [],
    });
    expect(result.lines).toEqual(["No such contact in Salesforce."]);
  });
});
