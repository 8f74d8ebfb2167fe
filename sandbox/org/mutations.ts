import type { SandboxOrg } from "./org";
import {
  directRelation,
  liveChildren,
  markDeleted,
  moveAccountChildren,
  moveDirectRelation,
  moveRelationsToMaster,
  stamps,
} from "./relations";
import { type InputValue, type Scalar, type SfRecord, coerceValue } from "./values";

export interface MutationOptions {
  /** When the change happens; the org clock's time when omitted. */
  at?: number | Date | string;
}

const RELATION = "AccountContactRelation";
const SYSTEM_FIELDS = new Set(["id", "isdeleted", "masterrecordid"]);

export function insertRecord(
  org: SandboxOrg,
  object: string,
  values: Record<string, InputValue>,
  options: MutationOptions = {},
): SfRecord {
  const schema = org.schema.internal(object);
  const at = stampOf(org, options);
  const record: Record<string, Scalar> = { ...schema.blankRecord() };
  assign(org, schema.name, record, values, { allowSystem: true });

  const userId = schema.name === "User" ? null : org.defaultUserId();
  record.Id = org.nextId(schema.name);
  if ("IsDeleted" in record) record.IsDeleted = record.IsDeleted ?? false;
  for (const field of ["OwnerId", "CreatedById", "LastModifiedById"]) {
    if (field in record) record[field] = record[field] ?? userId ?? record.Id;
  }
  record.CreatedDate = record.CreatedDate ?? at;
  record.LastModifiedDate = record.LastModifiedDate ?? record.CreatedDate;
  record.SystemModstamp = record.SystemModstamp ?? record.LastModifiedDate;
  applyObjectRules(schema.name, record);
  org.put(schema.name, record);

  if (schema.name === "Contact" && typeof record.AccountId === "string") {
    insertRecord(org, RELATION, directRelation(record), { at: Number(record.CreatedDate) });
  }
  return record;
}

export function updateRecord(
  org: SandboxOrg,
  object: string,
  id: string,
  changes: Record<string, InputValue>,
  options: MutationOptions = {},
): SfRecord {
  const schema = org.schema.internal(object);
  const current = requireRecord(org, schema.name, id);
  const next: Record<string, Scalar> = { ...current };
  assign(org, schema.name, next, changes, { allowSystem: false });
  const at = stampOf(org, options);
  next.LastModifiedDate = at;
  next.SystemModstamp = at;
  applyObjectRules(schema.name, next);
  org.put(schema.name, next);

  if (schema.name === "Contact" && next.AccountId !== current.AccountId) {
    moveDirectRelation(org, next, at);
  }
  return next;
}

/** Soft-deletes like the recycle bin; an Account takes its contacts and relations with it. */
export function deleteRecord(
  org: SandboxOrg,
  object: string,
  id: string,
  options: MutationOptions = {},
): void {
  const schema = org.schema.internal(object);
  const at = stampOf(org, options);
  markDeleted(org, schema.name, requireRecord(org, schema.name, id), at);
  if (schema.name === "Account") {
    for (const contact of liveChildren(org, "Contact", "AccountId", id)) {
      deleteRecord(org, "Contact", String(contact.Id), { at });
    }
    for (const relation of liveChildren(org, RELATION, "AccountId", id)) {
      markDeleted(org, RELATION, relation, at);
    }
  }
  if (schema.name === "Contact") {
    for (const relation of liveChildren(org, RELATION, "ContactId", id)) {
      markDeleted(org, RELATION, relation, at);
    }
  }
}

/**
 * Merges up to two duplicates into the master, as Salesforce does: the duplicates are deleted
 * with MasterRecordId set, and their related records move to the master.
 */
export function mergeRecords(
  org: SandboxOrg,
  object: string,
  masterId: string,
  duplicateIds: string[],
  options: MutationOptions = {},
): void {
  const schema = org.schema.internal(object);
  if (duplicateIds.length < 1 || duplicateIds.length > 2) {
    throw new Error("A merge takes a master and one or two duplicates");
  }
  const master = requireRecord(org, schema.name, masterId);
  const at = stampOf(org, options);
  for (const duplicateId of duplicateIds) {
    const duplicate = requireRecord(org, schema.name, duplicateId);
    if (schema.name === "Contact") moveRelationsToMaster(org, master, duplicate, at);
    if (schema.name === "Account") moveAccountChildren(org, masterId, duplicateId, at);
    org.put(schema.name, {
      ...duplicate,
      IsDeleted: true,
      MasterRecordId: masterId,
      ...stamps(at),
    });
  }
  org.put(schema.name, { ...requireRecord(org, schema.name, masterId), ...stamps(at) });
}

function assign(
  org: SandboxOrg,
  object: string,
  record: Record<string, Scalar>,
  values: Record<string, InputValue>,
  { allowSystem }: { allowSystem: boolean },
): void {
  const schema = org.schema.internal(object);
  for (const [key, raw] of Object.entries(values)) {
    const field = schema.field(key);
    if (!field) throw new Error(`${object} has no field ${key}`);
    if (!allowSystem && SYSTEM_FIELDS.has(field.name.toLowerCase())) {
      throw new Error(`${object}.${field.name} is set by the org; use delete or merge instead`);
    }
    if (field.type === "address") throw new Error(`Set the parts of ${object}.${field.name}`);
    const value = coerceValue(field, raw, object);
    if (typeof value === "string" && field.type === "reference") {
      const target = field.referenceTo[0];
      if ((target === "Account" || target === "Contact") && !org.get(target, value)) {
        throw new Error(`${object}.${field.name} points at ${value}, but no ${target} has that Id`);
      }
    }
    record[field.name] = value;
  }
}

function applyObjectRules(object: string, record: Record<string, Scalar>): void {
  if (object === "Contact" || object === "User") {
    if (!record.LastName) throw new Error(`Required field missing: ${object}.LastName`);
    record.Name = [record.FirstName, record.LastName].filter(Boolean).join(" ");
  }
  if (object === "Account" && !record.Name) throw new Error("Required field missing: Account.Name");
  if (object === RELATION) {
    if (!record.AccountId || !record.ContactId) {
      throw new Error("An AccountContactRelation needs both AccountId and ContactId");
    }
    record.IsActive = record.IsActive ?? true;
    record.IsDirect = record.IsDirect ?? false;
  }
  for (const flag of ["IsPersonAccount", "IsEmailBounced"]) {
    if (flag in record) record[flag] = record[flag] ?? false;
  }
}

function requireRecord(org: SandboxOrg, object: string, id: string): SfRecord {
  const record = org.get(object, id);
  if (!record) throw new Error(`No ${object} with Id ${id} in the sandbox org`);
  return record;
}

function stampOf(org: SandboxOrg, options: MutationOptions): number {
  const { at } = options;
  if (at === undefined) return org.clock.now();
  return at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
}
