import { parseFieldRef } from "@/lib/sync/field-ref";

/**
 * Salesforce records as the REST API returns them (jsforce passes them through): fields by API
 * name, relationship fields as nested records or null, `attributes` describing the record.
 */
export type SalesforceRecord = {
  attributes?: { type: string; url?: string };
  [field: string]: unknown;
};

/**
 * One row of a sync query, whatever it was queried from: a Contact (with its Account), or an
 * AccountContactRelation (with its Contact and Account). Map and explain read rows, not records.
 */
export type SyncRow = {
  /** The queried record's Id: the contact's, or the relation's. Results are deduped by it. */
  recordId: string;
  contactId: string;
  contact: SalesforceRecord;
  accountId: string | null;
  account: SalesforceRecord | null;
  relation: SalesforceRecord | null;
};

/** Reads a field in the canonical case first, then in any case, as Salesforce names are. */
export function readRecordField(record: SalesforceRecord | null, name: string): unknown {
  if (!record) return null;
  if (name in record) return record[name];

  const wanted = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? null : record[key];
}

function readNested(record: SalesforceRecord, name: string): SalesforceRecord | null {
  const value = readRecordField(record, name);
  return value && typeof value === "object" ? (value as SalesforceRecord) : null;
}

function readId(record: SalesforceRecord | null, name: string): string | null {
  const value = readRecordField(record, name);
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function readSyncRow(record: SalesforceRecord): SyncRow {
  const recordId = readId(record, "Id") ?? "";
  const isRelation = record.attributes?.type === "AccountContactRelation" || "ContactId" in record;

  if (!isRelation) {
    return {
      recordId,
      contactId: recordId,
      contact: record,
      accountId: readId(record, "AccountId"),
      account: readNested(record, "Account"),
      relation: null,
    };
  }

  const contact = readNested(record, "Contact") ?? {};
  return {
    recordId,
    contactId: readId(record, "ContactId") ?? readId(contact, "Id") ?? "",
    contact,
    accountId: readId(record, "AccountId"),
    account: readNested(record, "Account"),
    relation: record,
  };
}

/** The value of a config field reference (`Title`, `Account.Type`, ...) in a row. */
export function readRowField(row: SyncRow, ref: string): unknown {
  const { object, name } = parseFieldRef(ref);
  if (object === "Account") return readRecordField(row.account, name);
  if (object === "AccountContactRelation") return readRecordField(row.relation, name);
  return readRecordField(row.contact, name);
}

/** Text as the sync stores it: trimmed, with blank and missing both null. */
export function readText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === "string" ? value : String(value)).trim();
  return text.length > 0 ? text : null;
}
