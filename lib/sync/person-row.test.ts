import { expect, test } from "vitest";
import type { DesiredPerson } from "@/lib/sync/map";
import { PersonRows } from "@/lib/sync/person-row";

const group = {
  id: "0b6f4a1e-8c1d-4a57-9d0f-2f7c1d9e5a10",
  name: "Acme Group",
  salesforceAccountId: "001000000000001AAA",
  parentCustomerId: null,
};
const east = {
  id: "5d0c1c9e-2a7b-4c39-8f0e-77b1a3c2d4e5",
  name: "Acme East",
  salesforceAccountId: "001000000000002AAA",
  parentCustomerId: group.id,
};

test("a packed person unpacks to the same person and placement, nulls and quotes included", () => {
  const person: DesiredPerson = {
    customerId: group.id,
    salesforceContactId: "0035f00000AbCdEAAZ",
    firstName: 'Zoë "Zee"',
    lastName: "Øster-李",
    email: null,
    phones: [
      { type: "work", raw: "(415) 555-2671", e164: "+14155552671", sourceField: "Phone" },
      { type: "mobile", raw: "ext. 12", e164: null, sourceField: "MobilePhone" },
    ],
    positions: ["Billing Contact"],
    customFields: { jobTitle: "CFO", region: null },
  };
  const placed = {
    person,
    customer: group,
    matched: [east],
    accountId: east.salesforceAccountId,
    accountName: "Acme ☃ East",
    isDirect: false,
  };
  const rows = new PersonRows();
  const packed = rows.pack(placed);
  const bare = rows.pack({
    ...placed,
    person: { ...person, phones: [], customFields: {} },
    accountName: null,
  });

  expect(rows.unpack(packed)).toEqual(placed);
  expect(rows.unpack(bare)).toEqual({
    ...placed,
    person: { ...person, phones: [], customFields: {} },
    accountName: null,
  });
  // What repeats is written once in the tables, not in every row.
  expect(packed).not.toContain(group.id);
  expect(packed).not.toContain("Billing Contact");
  // Held one byte a character: what is beyond Latin-1 is escaped, what is within is kept.
  expect(packed).toMatch(/^[\x00-\xff]*$/);
  expect(packed).toContain("Zoë");
  expect(packed).toContain("\\u674e");
});

test("a packed person's positions read alone, none or several, whatever its names hold", () => {
  const person: DesiredPerson = {
    customerId: group.id,
    salesforceContactId: "0035f00000AbCdFAAZ",
    firstName: "[Ann]",
    lastName: "O'Brien ]",
    email: "ann@example.com",
    phones: [],
    positions: ["Billing Contact", "Primary Contact"],
    customFields: { note: "[x]" },
  };
  const placed = {
    person,
    customer: group,
    matched: [group],
    accountId: group.salesforceAccountId,
    accountName: null,
    isDirect: true,
  };
  const rows = new PersonRows();
  const several = rows.pack(placed);
  const none = rows.pack({ ...placed, person: { ...person, positions: [] } });

  expect(rows.positionsOf(several)).toEqual(["Billing Contact", "Primary Contact"]);
  expect(rows.positionsOf(none)).toEqual([]);
  expect(rows.unpack(several)).toEqual(placed);
});

test("a packed existing person unpacks to the same person, archived date included", () => {
  const rows = new PersonRows();
  const person = {
    id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    customerId: group.id,
    source: "salesforce" as const,
    salesforceContactId: "0035f00000AbCdEAAZ",
    firstName: "Ada",
    lastName: null,
    email: "ADA@example.com",
    phones: [{ type: "work", raw: "(415) 555-2671", e164: "+14155552671", sourceField: "Phone" }],
    positions: ["Billing Contact", "Primary Contact"],
    customFields: { jobTitle: "Countess" },
    archivedAt: new Date("2026-11-30T08:15:00.000Z"),
  };

  expect(rows.unpackExisting(rows.packExisting(person))).toEqual(person);
  expect(
    rows.unpackExisting(rows.packExisting({ ...person, archivedAt: null, customFields: {} })),
  ).toEqual({ ...person, archivedAt: null, customFields: {} });
});

test("People of one customer keep their own account Id and name, however they alternate", () => {
  const person: DesiredPerson = {
    customerId: east.id,
    salesforceContactId: "0035f00000AbCdEAAZ",
    firstName: "Ann",
    lastName: "Lee",
    email: "ann@example.com",
    phones: [],
    positions: [],
    customFields: {},
  };
  const placedOn = (accountId: string, accountName: string | null) => ({
    person,
    customer: east,
    matched: [east],
    accountId,
    accountName,
    isDirect: true,
  });
  const placements = [
    placedOn("001000000000002AAA", "Acme East"),
    placedOn("001000000000002AAA", "Acme East"),
    placedOn("001000000000002", "Acme East"),
    placedOn("001000000000002AAA", null),
    placedOn("001000000000002AAA", "Acme East"),
  ];
  const rows = new PersonRows();

  const packed = placements.map((placed) => rows.pack(placed));

  expect(packed.map((row) => rows.unpack(row))).toEqual(placements);
});
