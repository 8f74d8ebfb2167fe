import type { CountryCode } from "libphonenumber-js/max";
import type { Person } from "@/lib/db/schema";
import type { SyncContext } from "@/lib/sync/context";
import type { SyncConfig } from "@/lib/sync/config";
import { resolveCountryCode } from "@/lib/sync/countries";
import { describeCustomerPath, type SyncCustomer } from "@/lib/sync/customers";
import { collectPhones, type PhoneLookup, phoneLookups, type PhoneTrace } from "@/lib/sync/phones";
import type { PositionStep } from "@/lib/sync/positions";
import { readRecordField, readRowField, readText, type SyncRow } from "@/lib/sync/record";

/**
 * Map: one Salesforce row to the person it places on a customer, or to a skip with a reason in
 * plain words. Pure, shared by preview, run and explain, so they can never disagree.
 */

type PersonValues = "firstName" | "lastName" | "email" | "phones" | "positions" | "customFields";

/** The exact row the apply step writes for a synced person. */
export type DesiredPerson = Pick<Person, "customerId" | PersonValues> & {
  salesforceContactId: string;
};

export type ContactSummary = {
  id: string;
  name: string;
  email: string | null;
  accountId: string | null;
  accountName: string | null;
};

export type Placement = {
  recordId: string;
  accountId: string;
  isDirect: boolean | null;
  /** The customer whose Salesforce account matched. */
  matchedCustomer: SyncCustomer;
  /** Where the person is stored: the matched customer, or its top parent. */
  customer: SyncCustomer;
  person: DesiredPerson;
  positionSteps: PositionStep[];
};

export type Skip = { scope: "contact" | "placement"; accountId: string | null; reason: string };

export type PhoneWarning = { contactId: string; field: string; raw: string; message: string };

export type MappedRow = {
  row: SyncRow;
  contact: ContactSummary;
  country: { code: CountryCode | null; from: "mailingCountry" | "default" };
  phoneTraces: PhoneTrace[];
  result: { placement: Placement; skip: null } | { placement: null; skip: Skip };
  warnings: PhoneWarning[];
};

export function summariseContact(row: SyncRow): ContactSummary {
  const first = readText(readRecordField(row.contact, "FirstName"));
  const last = readText(readRecordField(row.contact, "LastName"));
  return {
    id: row.contactId,
    name: (first && last ? `${first} ${last}` : (first ?? last)) ?? row.contactId,
    email: readText(readRecordField(row.contact, "Email")),
    accountId: row.accountId,
    accountName: readText(readRecordField(row.account, "Name")),
  };
}

export function mapRow(row: SyncRow, context: SyncContext): MappedRow {
  const contact = summariseContact(row);
  const country = chooseCountry(row, context.defaultCountry);
  const { phones, traces } = collectPhones(context.config.phones, row, country.code);
  const result = placeRow(row, contact, phones, context);
  const warnings = result.placement ? warnPhones(traces, contact) : NO_WARNINGS;
  return { row, contact, country, phoneTraces: traces, result, warnings };
}

/** Where the row's person goes, or why it is skipped. */
function placeRow(
  row: SyncRow,
  contact: ContactSummary,
  phones: DesiredPerson["phones"],
  context: SyncContext,
): MappedRow["result"] {
  const contactReason = checkContact(contact, phones, row, context.config);
  if (contactReason) return skipWith("contact", row, contactReason);

  const target = findTargetCustomer(row, contact, context);
  if ("reason" in target) return skipWith("placement", row, target.reason);

  const { person, steps } = buildPerson(row, contact, target.customer, phones, context);
  const placement: Placement = {
    recordId: row.recordId,
    accountId: target.accountId,
    isDirect: row.relation ? readRecordField(row.relation, "IsDirect") === true : null,
    matchedCustomer: target.matchedCustomer,
    customer: target.customer,
    person,
    positionSteps: steps,
  };
  return { placement, skip: null };
}

/** The phone numbers `mapRow` will normalise for this row, in the country it will use. */
export function phoneLookupsOf(row: SyncRow, context: SyncContext, into: PhoneLookup[]): void {
  const country = chooseCountry(row, context.defaultCountry);
  phoneLookups(context.config.phones, row, country.code, into);
}

function skipWith(scope: Skip["scope"], row: SyncRow, reason: string) {
  return { placement: null, skip: { scope, accountId: row.accountId, reason } };
}

function chooseCountry(row: SyncRow, defaultCountry: string): MappedRow["country"] {
  const mailing = resolveCountryCode(readText(readRecordField(row.contact, "MailingCountry")));
  if (mailing) return countryChoice(mailing, "mailingCountry");
  return countryChoice(resolveCountryCode(defaultCountry), "default");
}

// One frozen choice per country and source, shared by the rows that make it (twice a record).
const choices: Record<
  MappedRow["country"]["from"],
  Map<CountryCode | null, MappedRow["country"]>
> = { mailingCountry: new Map(), default: new Map() };

function countryChoice(code: CountryCode | null, from: MappedRow["country"]["from"]) {
  let choice = choices[from].get(code);
  if (!choice) choices[from].set(code, (choice = Object.freeze({ code, from })));
  return choice;
}

/** Reasons that hold for the contact wherever it would land. */
function checkContact(
  contact: ContactSummary,
  phones: DesiredPerson["phones"],
  row: SyncRow,
  config: SyncConfig,
): string | null {
  const { requireEmail, requirePhone } = config.additional.rules;
  if (readRecordField(row.contact, "IsDeleted") === true) {
    return "The contact is deleted in Salesforce.";
  }
  if (requireEmail && !contact.email) {
    return "The contact has no email, and this sync requires one.";
  }
  if (requirePhone && !phones.some((phone) => phone.e164)) {
    const fields = config.phones.map((p) => p.field).join(", ");
    return `The contact has no usable phone number in ${fields}, and this sync requires one.`;
  }
  return null;
}

type Target =
  { accountId: string; matchedCustomer: SyncCustomer; customer: SyncCustomer } | { reason: string };

/** The account of this row, its customer, and with parent-level storage the group's top. */
function findTargetCustomer(row: SyncRow, contact: ContactSummary, context: SyncContext): Target {
  const { config, customers } = context;
  const accountId = row.accountId;
  if (!accountId) return { reason: "The contact has no account." };

  if (row.relation && readRecordField(row.relation, "IsDeleted") === true) {
    return {
      reason: `The relation to the account ${accountLabel(contact, accountId)} is deleted in Salesforce.`,
    };
  }
  const inactive = row.relation !== null && readRecordField(row.relation, "IsActive") === false;
  if (inactive && !config.multiAccount.includeInactiveRelations) {
    return {
      reason: `The relation to the account ${accountLabel(contact, accountId)} is inactive.`,
    };
  }

  const matchedCustomer = customers.byAccountId(accountId);
  if (!matchedCustomer) {
    return {
      reason: `No customer is linked to the Salesforce account ${accountLabel(contact, accountId)}.`,
    };
  }
  if (!config.parentLevelStorage) return { accountId, matchedCustomer, customer: matchedCustomer };

  const top = customers.topParentOf(matchedCustomer);
  if (!top.ok) {
    const loop = describeCustomerPath(top.path);
    return {
      reason: `The customer group of ${matchedCustomer.name} loops back on itself (${loop}), so it has no top parent.`,
    };
  }
  return { accountId, matchedCustomer, customer: top.customer };
}

function accountLabel(contact: ContactSummary, accountId: string) {
  return contact.accountName ? `${contact.accountName} (${accountId})` : accountId;
}

// Shared by every person of a sync without mappings; nothing writes into a desired person's fields.
const NO_CUSTOM_FIELDS: Record<string, string | null> = Object.freeze({});

function buildPerson(
  row: SyncRow,
  contact: ContactSummary,
  customer: SyncCustomer,
  phones: DesiredPerson["phones"],
  context: SyncContext,
): { person: DesiredPerson; steps: PositionStep[] } {
  const { config } = context;
  const positionField = config.positions.mode === "field" ? config.positions.field : null;
  const positions = context.assignPositions(
    positionField ? readRowField(row, positionField) : null,
  );

  const mappings = config.additional.customFieldMappings;
  const customFields: Record<string, string | null> = mappings.length > 0 ? {} : NO_CUSTOM_FIELDS;
  for (const mapping of mappings) {
    customFields[mapping.personField] = readText(readRowField(row, mapping.salesforceField));
  }

  const person = {
    customerId: customer.id,
    salesforceContactId: row.contactId,
    firstName: readText(readRecordField(row.contact, "FirstName")),
    lastName: readText(readRecordField(row.contact, "LastName")),
    email: contact.email,
    positions: positions.names,
    customFields,
    phones,
  };
  return { person, steps: positions.steps };
}

// Shared by every row without a warning (nearly all of them); nothing adds to a row's warnings.
const NO_WARNINGS: PhoneWarning[] = Object.freeze([]) as unknown as PhoneWarning[];

function warnPhones(traces: PhoneTrace[], contact: ContactSummary): PhoneWarning[] {
  let warnings = NO_WARNINGS;
  for (const trace of traces) {
    if (trace.outcome !== "unreadable") continue;
    if (warnings === NO_WARNINGS) warnings = [];
    warnings.push({
      contactId: contact.id,
      field: trace.field,
      raw: trace.raw ?? "",
      message: `${trace.field} of ${contact.name} is "${trace.raw}", which is not a phone number we can read; it is kept as written.`,
    });
  }
  return warnings;
}
