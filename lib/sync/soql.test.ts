import { describe, expect, test } from "vitest";
import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";
import type { FilterGroup } from "@/lib/sync/config-rules";
import { buildSoql } from "@/lib/sync/soql";
import {
  buildContactSearchQuery,
  buildExplainQuery,
  buildMatchQuery,
} from "@/lib/sync/soql-explain";
import { loadDescribes } from "@/lib/sync/test-samples";
import { validateConfig } from "@/lib/sync/validate";

const describes = loadDescribes({ relations: true });
const multiAccount = { enabled: true, includeInactiveRelations: false };

function soqlFor(config: SyncConfig): string {
  const validated = validateConfig(config, describes);
  expect(validated.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  return buildSoql(validated.config, validated.fieldTypes);
}

function filtered(...groups: FilterGroup["rules"][]): SyncConfig {
  return { ...defaultSyncConfig, filters: { groups: groups.map((rules) => ({ rules })) } };
}

const CONTACT_SELECT =
  "SELECT Id, FirstName, LastName, Email, AccountId, Account.Name, MailingCountry, IsDeleted, SystemModstamp, Phone, MobilePhone FROM Contact";

describe("buildSoql", () => {
  test("selects only the fields the sync needs, with no WHERE when nothing filters", () => {
    expect(soqlFor(defaultSyncConfig)).toBe(CONTACT_SELECT);
  });

  test("adds the position field and mapped fields once each, spelt as the describe does", () => {
    const config: SyncConfig = {
      ...defaultSyncConfig,
      positions: { mode: "field", field: "title", valueMap: [], unmapped: "create" },
      phones: [{ field: "HomePhone", type: "home" }],
      additional: {
        ...defaultSyncConfig.additional,
        customFieldMappings: [
          { salesforceField: "Title", personField: "jobTitle" },
          { salesforceField: "Account.AccountNumber", personField: "accountNumber" },
        ],
      },
    };
    expect(soqlFor(config)).toBe(
      "SELECT Id, FirstName, LastName, Email, AccountId, Account.Name, MailingCountry, IsDeleted, SystemModstamp, HomePhone, Title, Account.AccountNumber FROM Contact",
    );
  });

  test("escapes every value: quotes and backslashes, and LIKE wildcards in contains", () => {
    const config = filtered([
      { field: "LastName", match: "equals", values: ["O'Carney"] },
      { field: "Title", match: "contains", values: ["50%_off\\it's"] },
      { field: "Department", match: "inList", values: ["R&D", "Sales \\ Ops", "Bob's"] },
      { field: "Title", match: "startsWith", values: ["VP_"] },
      { field: "Title", match: "notContains", values: ["intern"] },
    ]);
    expect(soqlFor(config)).toBe(
      `${CONTACT_SELECT} WHERE LastName = 'O\\'Carney' AND Title LIKE '%50\\%\\_off\\\\it\\'s%' AND Department IN ('R&D', 'Sales \\\\ Ops', 'Bob\\'s') AND Title LIKE 'VP\\_%' AND (NOT Title LIKE '%intern%')`,
    );
  });

  test("writes numbers, dates and checkboxes unquoted, and emptiness as null", () => {
    const config = filtered([
      { field: "Account.NumberOfEmployees", match: "greaterThan", values: ["500"] },
      { field: "Birthdate", match: "lessThan", values: ["1990-01-01"] },
      { field: "IsEmailBounced", match: "equals", values: ["FALSE"] },
      { field: "Email", match: "isNotEmpty", values: [] },
      { field: "Account.ParentId", match: "isEmpty", values: [] },
    ]);
    expect(soqlFor(config)).toBe(
      `${CONTACT_SELECT} WHERE Account.NumberOfEmployees > 500 AND Birthdate < 1990-01-01 AND IsEmailBounced = false AND Email != null AND Account.ParentId = null`,
    );
  });

  test("quotes a number that is not one, so an unvalidated config cannot change the query", () => {
    const config = filtered([
      { field: "Account.NumberOfEmployees", match: "equals", values: ["1 OR Name != null"] },
    ]);
    const types = { "Account.NumberOfEmployees": "int" };
    expect(buildSoql(config, types)).toBe(
      `${CONTACT_SELECT} WHERE Account.NumberOfEmployees = '1 OR Name != null'`,
    );
  });

  test("ORs groups and ANDs the rules inside each", () => {
    const config = filtered(
      [
        { field: "Title", match: "contains", values: ["Finance"] },
        { field: "LeadSource", match: "notInList", values: ["Web", "Other"] },
      ],
      [{ field: "Account.Type", match: "equals", values: ["Customer - Direct"] }],
    );
    expect(soqlFor(config)).toBe(
      `${CONTACT_SELECT} WHERE (Title LIKE '%Finance%' AND LeadSource NOT IN ('Web', 'Other')) OR Account.Type = 'Customer - Direct'`,
    );
  });

  test("queries relations, active ones only, when multi-account is on", () => {
    const config: SyncConfig = {
      ...filtered(
        [
          {
            field: "AccountContactRelation.Roles",
            match: "includesAny",
            values: ["Economic Buyer", "Decision Maker; Technical Buyer"],
          },
        ],
        [{ field: "Title", match: "equals", values: ["CFO"] }],
      ),
      multiAccount,
      positions: {
        mode: "field",
        field: "AccountContactRelation.Roles",
        valueMap: [{ salesforceValue: "Economic Buyer", positionName: "Billing Contact" }],
        unmapped: "ignore",
      },
    };
    expect(soqlFor(config)).toBe(
      "SELECT Id, AccountId, ContactId, IsDirect, IsActive, Roles, IsDeleted, SystemModstamp, Account.Name, Contact.Id, Contact.FirstName, Contact.LastName, Contact.Email, Contact.MailingCountry, Contact.IsDeleted, Contact.SystemModstamp, Contact.Phone, Contact.MobilePhone FROM AccountContactRelation WHERE IsActive = true AND (Roles INCLUDES ('Economic Buyer', 'Decision Maker;Technical Buyer') OR Contact.Title = 'CFO')",
    );
  });

  test("includes inactive relations when asked, and writes EXCLUDES for 'excludes all of'", () => {
    const config: SyncConfig = {
      ...filtered([
        { field: "AccountContactRelation.Roles", match: "excludesAll", values: ["Other"] },
      ]),
      multiAccount: { enabled: true, includeInactiveRelations: true },
      phones: [],
    };
    expect(soqlFor(config)).toBe(
      "SELECT Id, AccountId, ContactId, IsDirect, IsActive, Roles, IsDeleted, SystemModstamp, Account.Name, Contact.Id, Contact.FirstName, Contact.LastName, Contact.Email, Contact.MailingCountry, Contact.IsDeleted, Contact.SystemModstamp FROM AccountContactRelation WHERE Roles EXCLUDES ('Other')",
    );
  });
});

describe("explain queries", () => {
  const config = filtered([{ field: "Title", match: "contains", values: ["Manager"] }]);
  const { fieldTypes } = validateConfig(config, describes);

  test("read the contact without the filters, with the filter fields, and ask for the verdict", () => {
    expect(buildExplainQuery(config, fieldTypes, "003000000000001AAA")).toBe(
      "SELECT Id, FirstName, LastName, Email, AccountId, Account.Name, MailingCountry, IsDeleted, SystemModstamp, Phone, MobilePhone, Title FROM Contact WHERE Id = '003000000000001AAA'",
    );
    expect(buildMatchQuery(config, fieldTypes, "003000000000001AAA")).toBe(
      "SELECT Id FROM Contact WHERE Title LIKE '%Manager%' AND Id = '003000000000001AAA'",
    );
  });

  test("search by name or email, and by Id only for Id-shaped text", () => {
    expect(buildContactSearchQuery("o'car")).toBe(
      "SELECT Id, Name, Email, Account.Name FROM Contact WHERE Name LIKE '%o\\'car%' OR Email LIKE '%o\\'car%' ORDER BY Name LIMIT 20",
    );
    expect(buildContactSearchQuery("003000000000001")).toBe(
      "SELECT Id, Name, Email, Account.Name FROM Contact WHERE Name LIKE '%003000000000001%' OR Email LIKE '%003000000000001%' OR Id = '003000000000001' ORDER BY Name LIMIT 20",
    );
  });
});
