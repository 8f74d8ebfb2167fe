import type { SyncConfig } from "@/lib/sync/config";
import type { CustomerIndex } from "@/lib/sync/customers";
import { queriesForIds } from "@/lib/sync/incremental/id-lists";
import { survivorOf } from "@/lib/sync/merges/fold-merges";
import type { ChangePage } from "@/lib/sync/incremental/discover-changes";
import { readRecordField } from "@/lib/sync/record";
import type { ContactSource } from "@/lib/sync/source";

/**
 * The contacts whose People a page of changes can move: the changed contacts, the contacts of
 * changed relations and of changed accounts linked to a customer (an account no customer is
 * linked to places nobody), and the survivors of merged contacts, so a merge is folded in one
 * plan. Each is re-planned from its full current state.
 */
export async function affectedContacts(
  source: ContactSource,
  config: SyncConfig,
  customers: CustomerIndex,
  changes: ChangePage,
): Promise<Set<string>> {
  const contacts = new Set(changes.contactIds);
  const accounts = [...changes.accountIds].filter((id) => customers.byAccountId(id));

  const relations = config.multiAccount.enabled;
  const field = relations ? "ContactId" : "Id";
  const from = relations ? "AccountContactRelation" : "Contact";
  const queries = queriesForIds(
    accounts,
    "AccountId",
    (condition) => `SELECT ${field} FROM ${from} WHERE ${condition}`,
  );
  for (const soql of queries) {
    for await (const page of source.query(soql, { small: true })) {
      for (const record of page.records) contacts.add(String(readRecordField(record, field)));
    }
  }

  for (const id of [...contacts]) {
    const survivor = survivorOf(changes.merges, id);
    if (survivor) contacts.add(survivor);
  }
  return contacts;
}
