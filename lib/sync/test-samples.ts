import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SyncCustomer } from "@/lib/sync/customers";
import { findField, type OrgDescribes, type SObjectDescribe } from "@/lib/sync/describe";
import type { SalesforceRecord } from "@/lib/sync/record";

/**
 * Test fixtures from the shared Salesforce samples, read in place (never copied into the repo)
 * and turned into what the REST API would return: canonical field names, 18-character Ids,
 * `Account` as a nested record.
 */

const SAMPLES = new URL("../../../shared/salesforce-samples/", import.meta.url);

export function readSample<T>(relative: string): T {
  const url = new URL(relative, SAMPLES);
  if (!existsSync(url)) {
    throw new Error(
      `The shared Salesforce samples are missing: expected ${fileURLToPath(url)} (the repo's ../shared/salesforce-samples).`,
    );
  }
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

/** AccountContactRelation's fields as Salesforce's object reference documents them. */
export const relationDescribe: SObjectDescribe = {
  name: "AccountContactRelation",
  fields: [
    { name: "Id", label: "Account Contact Relationship ID", type: "id", filterable: true },
    { name: "AccountId", label: "Account ID", type: "reference", filterable: true },
    { name: "ContactId", label: "Contact ID", type: "reference", filterable: true },
    { name: "IsDirect", label: "Direct", type: "boolean", filterable: true },
    { name: "IsActive", label: "Active", type: "boolean", filterable: true },
    {
      name: "Roles",
      label: "Roles",
      type: "multipicklist",
      filterable: true,
      picklistValues: ["Business User", "Decision Maker", "Economic Buyer", "Technical Buyer"]
        .map((value) => ({ value, active: true }))
        .concat([{ value: "Other", active: true }]),
    },
    { name: "StartDate", label: "Start Date", type: "date", filterable: true },
    { name: "EndDate", label: "End Date", type: "date", filterable: true },
    { name: "IsDeleted", label: "Deleted", type: "boolean", filterable: true },
    { name: "SystemModstamp", label: "System Modstamp", type: "datetime", filterable: true },
  ],
};

export function loadDescribes(options: { relations?: boolean } = {}): OrgDescribes {
  return {
    Contact: readSample<SObjectDescribe>("describes/Contact.describe.json"),
    Account: readSample<SObjectDescribe>("describes/Account.describe.json"),
    AccountContactRelation: options.relations ? relationDescribe : null,
  };
}

/** A deterministic 18-character Id with the object's key prefix: 003 Contact, 001 Account. */
export function sampleId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(12, "0")}AAA`;
}

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;
type Tree = { records: TreeRecord[] };

function refNumber(ref: string): number {
  return Number(ref.replace(/^\D+/, ""));
}

/** sfdx data trees spell fields in any case; the REST API answers with the describe's. */
function canonicalFields(record: TreeRecord, describe: SObjectDescribe): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "attributes") continue;
    out[findField(describe, key)?.name ?? key] = value;
  }
  return out;
}

export type SampleOrg = {
  contacts: SalesforceRecord[];
  relations: SalesforceRecord[];
  customers: SyncCustomer[];
};

function loadAccounts(file: string, describes: OrgDescribes) {
  const accounts = new Map<string, { id: string; name: string }>();
  for (const record of readSample<Tree>(file).records) {
    const ref = record.attributes.referenceId;
    const fields = canonicalFields(record, describes.Account);
    accounts.set(ref, { id: sampleId("001", refNumber(ref)), name: String(fields.Name) });
  }
  return accounts;
}

function toContact(
  record: TreeRecord,
  describes: OrgDescribes,
  accounts: Map<string, { id: string; name: string }>,
) {
  const fields = canonicalFields(record, describes.Contact);
  const id = sampleId("003", refNumber(record.attributes.referenceId));
  const accountRef = typeof fields.AccountId === "string" ? fields.AccountId.slice(1) : null;
  const account = accountRef ? accounts.get(accountRef) : undefined;
  return {
    attributes: { type: "Contact", url: `/services/data/v62.0/sobjects/Contact/${id}` },
    ...fields,
    Id: id,
    AccountId: account?.id ?? null,
    Account: account ? { attributes: { type: "Account" }, Name: account.name } : null,
    IsDeleted: false,
  } satisfies SalesforceRecord;
}

function customersOf(accounts: Map<string, { id: string; name: string }>): SyncCustomer[] {
  return [...accounts.values()].map((account, i) => ({
    id: `customer-${i + 1}`,
    name: account.name,
    salesforceAccountId: account.id,
    parentCustomerId: null,
  }));
}

export function loadApexRecipes(): SampleOrg {
  const describes = loadDescribes();
  const accounts = loadAccounts("apex-recipes/Accounts.json", describes);
  const tree = readSample<Tree>("apex-recipes/Contacts.json");
  const contacts = tree.records.map((record) => toContact(record, describes, accounts));
  return { contacts, relations: [], customers: customersOf(accounts) };
}

export function loadCoralCloud(): SampleOrg {
  const describes = loadDescribes();
  const tree = readSample<Tree>("coral-cloud/data-Contact.json");
  const contacts = tree.records.map((record) => toContact(record, describes, new Map()));
  return { contacts, relations: [], customers: [] };
}

/**
 * plugin-data-junction with the relations an org with Contacts to Multiple Accounts has: each
 * contact's direct relation to its own account (Salesforce creates it), and the indirect ones
 * of the sample, as `FROM AccountContactRelation` rows with the contact nested.
 */
export function loadDataJunction(): SampleOrg {
  const describes = loadDescribes({ relations: true });
  const accounts = loadAccounts("plugin-data-junction/Account.json", describes);
  const contactTree = readSample<Tree>("plugin-data-junction/Contact.json");
  const contacts = contactTree.records.map((record) => toContact(record, describes, accounts));

  const pairs = contacts.map((contact) => ({
    contact,
    accountId: contact.AccountId,
    isDirect: true,
  }));
  for (const record of readSample<Tree>("plugin-data-junction/AccountContactRelation.json")
    .records) {
    const contactRef = refNumber(String(record.ContactId));
    const account = accounts.get(String(record.AccountId).slice(1));
    const contact = contacts.find((c) => c.Id === sampleId("003", contactRef));
    if (contact && account) pairs.push({ contact, accountId: account.id, isDirect: false });
  }

  const names = new Map([...accounts.values()].map((a) => [a.id, a.name]));
  const relations = pairs.map(({ contact, accountId, isDirect }, i) => {
    const { Account: _account, attributes: _attributes, ...contactFields } = contact;
    return {
      attributes: { type: "AccountContactRelation" },
      Id: sampleId("07k", i + 1),
      AccountId: accountId,
      ContactId: contact.Id,
      IsDirect: isDirect,
      IsActive: true,
      Roles: null,
      Account: { attributes: { type: "Account" }, Name: names.get(accountId ?? "") ?? null },
      Contact: { attributes: { type: "Contact" }, ...contactFields },
    } satisfies SalesforceRecord;
  });
  return { contacts, relations, customers: customersOf(accounts) };
}
