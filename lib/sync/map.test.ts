import { describe, expect, test } from "vitest";
import type { SyncConfig } from "@/lib/sync/config";
import { createSyncContext } from "@/lib/sync/context";
import { mapRow } from "@/lib/sync/map";
import { readSyncRow, type SalesforceRecord } from "@/lib/sync/record";
import {
  ACCOUNT,
  contactRecord,
  customers,
  multiAccount,
  relationRecord,
  rolesPositions,
  validConfig,
} from "@/lib/sync/test-fixtures";

function mapWith(overrides: Partial<SyncConfig>, record: SalesforceRecord, defaultCountry = "US") {
  const context = createSyncContext({
    ...validConfig(overrides),
    customers,
    defaultCountry,
    positionNames: ["Billing Contact", "Primary Contact"],
  });
  return mapRow(readSyncRow(record), context);
}

const ada = contactRecord({
  Id: "003000000000001AAA",
  FirstName: " Ada ",
  LastName: "Lovelace",
  Email: "Ada@Example.com ",
  AccountId: ACCOUNT.solo,
  MailingCountry: "United States",
  Phone: "(415) 555-2671",
  MobilePhone: "415.555.2671",
  Department: "Finance",
});

describe("mapRow", () => {
  test("places a contact on its account's customer with trimmed values and E.164 phones", () => {
    const mapped = mapWith(
      {
        additional: {
          customFieldMappings: [{ salesforceField: "Department", personField: "department" }],
          rules: { requireEmail: true, requirePhone: false, onNoLongerMatching: "archive" },
          notes: "",
        },
      },
      ada,
    );

    expect(mapped.result.skip).toBeNull();
    expect(mapped.result.placement?.person).toEqual({
      customerId: "c-solo",
      salesforceContactId: "003000000000001AAA",
      firstName: "Ada",
      lastName: "Lovelace",
      email: "Ada@Example.com",
      phones: [{ type: "work", raw: "(415) 555-2671", e164: "+14155552671", sourceField: "Phone" }],
      positions: ["Primary Contact"],
      customFields: { department: "Finance" },
    });
    expect(mapped.phoneTraces[1]).toMatchObject({
      field: "MobilePhone",
      outcome: "duplicate",
      sameAs: "Phone",
    });
  });

  test("skips a contact with no account, with the reason", () => {
    const record = contactRecord({
      Id: "003000000000002AAA",
      Email: "x@example.com",
      AccountId: null,
    });
    expect(mapWith({}, record).result.skip).toEqual({
      scope: "placement",
      accountId: null,
      reason: "The contact has no account.",
    });
  });

  test("skips a contact whose account has no customer, naming the account", () => {
    const record = contactRecord({
      Id: "003000000000003AAA",
      Email: "x@example.com",
      AccountId: ACCOUNT.unknown,
    });
    expect(mapWith({}, record).result.skip?.reason).toBe(
      "No customer is linked to the Salesforce account Stranger Things Co (001000000000199AAA).",
    );
  });

  test("skips a contact without email when email is required, and one without a usable phone", () => {
    const noEmail = contactRecord({
      Id: "003000000000004AAA",
      AccountId: ACCOUNT.solo,
      Phone: "n/a",
    });
    expect(mapWith({}, noEmail).result.skip).toEqual({
      scope: "contact",
      accountId: ACCOUNT.solo,
      reason: "The contact has no email, and this sync requires one.",
    });

    const rules = {
      requireEmail: false,
      requirePhone: true,
      onNoLongerMatching: "archive" as const,
    };
    const phoneRequired = { additional: { customFieldMappings: [], rules, notes: "" } };
    expect(mapWith(phoneRequired, noEmail).result.skip?.reason).toBe(
      "The contact has no usable phone number in Phone, MobilePhone, and this sync requires one.",
    );
  });

  test("reads numbers in the contact's mailing country, else the organisation's default", () => {
    const phoneOf = (fields: Record<string, unknown>, defaultCountry = "US") =>
      mapWith(
        {},
        contactRecord({
          Id: "003000000000005AAA",
          Email: "a@b.co",
          AccountId: ACCOUNT.solo,
          ...fields,
        }),
        defaultCountry,
      ).result.placement?.person.phones[0]?.e164;

    expect(phoneOf({ MailingCountry: "United States", Phone: "(212) 555-0147" })).toBe(
      "+12125550147",
    );
    expect(phoneOf({ MailingCountry: "UK", Phone: "020 7946 0958" })).toBe("+442079460958");
    expect(phoneOf({ MailingCountry: "United Kingdom", Phone: "07700 900123" })).toBe(
      "+447700900123",
    );
    expect(phoneOf({ MailingCountry: null, Phone: "030 1234567" }, "DE")).toBe("+49301234567");
    expect(phoneOf({ MailingCountry: "Narnia", Phone: "030 1234567" }, "DE")).toBe("+49301234567");
  });

  test("keeps an unreadable number raw and reports it", () => {
    const record = contactRecord({
      Id: "003000000000006AAA",
      FirstName: "Grace",
      LastName: "Hopper",
      Email: "g@navy.mil",
      AccountId: ACCOUNT.solo,
      MobilePhone: "n/a",
    });
    const mapped = mapWith({}, record);

    expect(mapped.result.placement?.person.phones).toEqual([
      { type: "mobile", raw: "n/a", e164: null, sourceField: "MobilePhone" },
    ]);
    expect(mapped.warnings).toEqual([
      {
        contactId: "003000000000006AAA",
        field: "MobilePhone",
        raw: "n/a",
        message:
          'MobilePhone of Grace Hopper is "n/a", which is not a phone number we can read; it is kept as written.',
      },
    ]);
  });

  test("maps multi-select roles to positions, ignoring or creating unmapped ones", () => {
    const relation = relationRecord(ada, {
      Id: "07k000000000001AAA",
      AccountId: ACCOUNT.solo,
      IsDirect: true,
      Roles: "Economic Buyer; Decision Maker;Influencer",
    });
    const ignored = mapWith({ multiAccount, positions: rolesPositions }, relation);
    expect(ignored.result.placement?.person.positions).toEqual([
      "Billing Contact",
      "Primary Contact",
    ]);
    expect(ignored.result.placement?.positionSteps.map((s) => [s.value, s.how])).toEqual([
      ["Economic Buyer", "mapped"],
      ["Decision Maker", "mapped"],
      ["Influencer", "ignored"],
    ]);

    const created = mapWith(
      { multiAccount, positions: { ...rolesPositions, unmapped: "create" } },
      relation,
    );
    expect(created.result.placement?.person.positions).toEqual([
      "Billing Contact",
      "Influencer",
      "Primary Contact",
    ]);
  });

  test("stores at the top parent with parent-level storage, and stops at a loop", () => {
    const east = contactRecord({ ...ada, Id: "003000000000007AAA", AccountId: ACCOUNT.east });
    const placed = mapWith({ parentLevelStorage: true }, east).result.placement;
    expect([placed?.matchedCustomer.name, placed?.customer.name]).toEqual([
      "Acme East",
      "Acme Group",
    ]);

    const looped = contactRecord({ ...ada, Id: "003000000000008AAA", AccountId: ACCOUNT.loop });
    expect(mapWith({ parentLevelStorage: true }, looped).result.skip?.reason).toBe(
      "The customer group of Loop A loops back on itself (Loop A → Loop B → Loop A), so it has no top parent.",
    );
  });

  test("skips an inactive relation unless inactive relations are included", () => {
    const relation = relationRecord(ada, {
      Id: "07k000000000002AAA",
      AccountId: ACCOUNT.solo,
      IsDirect: false,
      IsActive: false,
    });
    expect(mapWith({ multiAccount }, relation).result.skip?.reason).toBe(
      "The relation to the account Solo Ltd (001000000000103AAA) is inactive.",
    );
    const included = { multiAccount: { enabled: true, includeInactiveRelations: true } };
    expect(mapWith(included, relation).result.placement?.customer.id).toBe("c-solo");
  });
});
