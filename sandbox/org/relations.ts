import { insertRecord, updateRecord } from "./mutations";
import type { SandboxOrg } from "./org";
import type { InputValue, SfRecord } from "./values";

// How relations follow their contact and account when Salesforce moves or merges them.

const RELATION = "AccountContactRelation";

export function directRelation(contact: SfRecord): Record<string, InputValue> {
  return { AccountId: contact.AccountId, ContactId: contact.Id, IsDirect: true, IsActive: true };
}

export function moveDirectRelation(org: SandboxOrg, contact: SfRecord, at: number): void {
  const relations = liveChildren(org, RELATION, "ContactId", String(contact.Id));
  for (const relation of relations.filter((r) => r.IsDirect)) {
    if (contact.AccountId) org.put(RELATION, { ...relation, IsDirect: false, ...stamps(at) });
    else markDeleted(org, RELATION, relation, at);
  }
  if (!contact.AccountId) return;
  const existing = relations.find((r) => r.AccountId === contact.AccountId);
  if (existing) org.put(RELATION, { ...existing, IsDirect: true, IsActive: true, ...stamps(at) });
  else insertRecord(org, RELATION, directRelation(contact), { at });
}

export function moveRelationsToMaster(
  org: SandboxOrg,
  master: SfRecord,
  duplicate: SfRecord,
  at: number,
): void {
  const masterAccounts = new Set(
    liveChildren(org, RELATION, "ContactId", String(master.Id)).map((r) => r.AccountId),
  );
  for (const relation of liveChildren(org, RELATION, "ContactId", String(duplicate.Id))) {
    if (masterAccounts.has(relation.AccountId)) {
      markDeleted(org, RELATION, relation, at);
      continue;
    }
    masterAccounts.add(relation.AccountId);
    org.put(RELATION, { ...relation, ContactId: master.Id, IsDirect: false, ...stamps(at) });
  }
}

export function moveAccountChildren(
  org: SandboxOrg,
  masterId: string,
  duplicateId: string,
  at: number,
) {
  const masterContacts = new Set(
    liveChildren(org, RELATION, "AccountId", masterId).map((r) => r.ContactId),
  );
  for (const relation of liveChildren(org, RELATION, "AccountId", duplicateId)) {
    if (masterContacts.has(relation.ContactId)) markDeleted(org, RELATION, relation, at);
    else org.put(RELATION, { ...relation, AccountId: masterId, ...stamps(at) });
  }
  for (const contact of liveChildren(org, "Contact", "AccountId", duplicateId)) {
    updateRecord(org, "Contact", String(contact.Id), { AccountId: masterId }, { at });
  }
  for (const child of liveChildren(org, "Account", "ParentId", duplicateId)) {
    updateRecord(org, "Account", String(child.Id), { ParentId: masterId }, { at });
  }
}

export function markDeleted(org: SandboxOrg, object: string, record: SfRecord, at: number): void {
  org.put(object, { ...record, IsDeleted: true, ...stamps(at) });
}

export function liveChildren(
  org: SandboxOrg,
  object: string,
  field: string,
  id: string,
): SfRecord[] {
  return (org.childrenBy(object, field).get(id) ?? []).filter((r) => !r.IsDeleted);
}

export function stamps(at: number): { LastModifiedDate: number; SystemModstamp: number } {
  return { LastModifiedDate: at, SystemModstamp: at };
}
