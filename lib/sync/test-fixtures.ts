import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";
import type { SyncCustomer } from "@/lib/sync/customers";
import type { FieldTypes } from "@/lib/sync/describe";
import type { SalesforceRecord } from "@/lib/sync/record";
import { loadDescribes } from "@/lib/sync/test-samples";
import { validateConfig } from "@/lib/sync/validate";

/**
 * Hand-made records in the REST shape, for the cases the samples do not have: customer groups,
 * a loop in a group, relations with roles, numbers from several countries.
 */

export const ACCOUNT = {
  east: "001000000000101AAA",
  west: "001000000000102AAA",
  solo: "001000000000103AAA",
  loop: "001000000000104AAA",
  unknown: "001000000000199AAA",
};

export const customers: SyncCustomer[] = [
  { id: "c-group", name: "Acme Group", salesforceAccountId: null, parentCustomerId: null },
  // Stored with the 15-character Id: it still matches the 18-character one Salesforce returns.
  {
    id: "c-east",
    name: "Acme East",
    salesforceAccountId: ACCOUNT.east.slice(0, 15),
    parentCustomerId: "c-group",
  },
  {
    id: "c-west",
    name: "Acme West",
    salesforceAccountId: ACCOUNT.west,
    parentCustomerId: "c-group",
  },
  { id: "c-solo", name: "Solo Ltd", salesforceAccountId: ACCOUNT.solo, parentCustomerId: null },
  {
    id: "c-loop-a",
    name: "Loop A",
    salesforceAccountId: ACCOUNT.loop,
    parentCustomerId: "c-loop-b",
  },
  { id: "c-loop-b", name: "Loop B", salesforceAccountId: null, parentCustomerId: "c-loop-a" },
];

const accountNames: Record<string, string> = {
  [ACCOUNT.east]: "Acme East Inc",
  [ACCOUNT.west]: "Acme West Inc",
  [ACCOUNT.solo]: "Solo Ltd",
  [ACCOUNT.loop]: "Loop A Corp",
  [ACCOUNT.unknown]: "Stranger Things Co",
};

function accountOf(accountId: string | null) {
  if (!accountId) return null;
  return { attributes: { type: "Account" }, Name: accountNames[accountId] ?? null };
}

export function contactRecord(fields: Record<string, unknown> & { Id: string }): SalesforceRecord {
  const accountId = (fields.AccountId as string | null | undefined) ?? null;
  return {
    attributes: { type: "Contact", url: `/services/data/v62.0/sobjects/Contact/${fields.Id}` },
    FirstName: null,
    LastName: null,
    Email: null,
    MailingCountry: null,
    IsDeleted: false,
    SystemModstamp: "2025-01-01T00:00:00.000+0000",
    Phone: null,
    MobilePhone: null,
    ...fields,
    AccountId: accountId,
    Account: accountOf(accountId),
  };
}

type RelationFields = {
  Id: string;
  AccountId: string;
  IsDirect: boolean;
  IsActive?: boolean;
  Roles?: string | null;
};

export function relationRecord(
  contact: SalesforceRecord,
  relation: RelationFields,
): SalesforceRecord {
  const {
    Account: _account,
    AccountId: _accountId,
    attributes: _attributes,
    ...contactFields
  } = contact;
  return {
    attributes: { type: "AccountContactRelation" },
    IsActive: true,
    Roles: null,
    IsDeleted: false,
    SystemModstamp: "2025-01-01T00:00:00.000+0000",
    ...relation,
    ContactId: contact.Id,
    Account: accountOf(relation.AccountId),
    Contact: { attributes: { type: "Contact" }, ...contactFields },
  };
}

export function validConfig(overrides: Partial<SyncConfig>): {
  config: SyncConfig;
  fieldTypes: FieldTypes;
} {
  const result = validateConfig(
    { ...defaultSyncConfig, ...overrides },
    loadDescribes({ relations: true }),
  );
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
  return { config: result.config, fieldTypes: result.fieldTypes };
}

export const rolesPositions: Extract<SyncConfig["positions"], { mode: "field" }> = {
  mode: "field",
  field: "AccountContactRelation.Roles",
  valueMap: [
    { salesforceValue: "Economic Buyer", positionName: "Billing Contact" },
    { salesforceValue: "Decision Maker", positionName: "Primary Contact" },
  ],
  unmapped: "ignore",
};

export const multiAccount = { enabled: true, includeInactiveRelations: false };
