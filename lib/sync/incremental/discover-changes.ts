import type { CursorPosition } from "@/lib/db/schema";
import type { SyncConfig } from "@/lib/sync/config";
import {
  type ChangeObject,
  changesSoql,
  normaliseModstamp,
  type ReadFrom,
} from "@/lib/sync/incremental/change-window";
import type { MergedContacts } from "@/lib/sync/merges/fold-merges";
import { contactKey } from "@/lib/sync/plan-accumulate";
import { readRecordField } from "@/lib/sync/record";
import type { ContactSource } from "@/lib/sync/source";

/** One page of changes of one object, read oldest first. */
export type ChangePage = {
  object: ChangeObject;
  /** The page's last record: the position once the page is applied. */
  last: CursorPosition;
  records: number;
  /** Contacts changed themselves, or through a relation. */
  contactIds: Set<string>;
  /** Accounts changed: their contacts are re-planned. */
  accountIds: Set<string>;
  /** Contacts merged away in this page, to their survivor. */
  merges: MergedContacts;
};

/** Contact, Account and, with multi-account on, AccountContactRelation: what moves People. */
export function changeObjectsOf(config: SyncConfig): ChangeObject[] {
  return config.multiAccount.enabled
    ? ["Contact", "AccountContactRelation", "Account"]
    : ["Contact", "Account"];
}

export async function* changePages(
  source: Required<Pick<ContactSource, "queryAll">>,
  object: ChangeObject,
  from: ReadFrom,
  pageSize: number,
): AsyncGenerator<ChangePage> {
  for await (const page of source.queryAll(changesSoql(object, from), { batchSize: pageSize })) {
    const last = page.records.at(-1);
    if (!last) continue;
    const changes: ChangePage = {
      object,
      last: { modstamp: normaliseModstamp(last.SystemModstamp), id: String(last.Id) },
      records: page.records.length,
      contactIds: new Set(),
      accountIds: new Set(),
      merges: new Map(),
    };
    for (const record of page.records) {
      const id = String(record.Id);
      if (object === "Account") changes.accountIds.add(id);
      if (object === "AccountContactRelation") {
        changes.contactIds.add(String(readRecordField(record, "ContactId")));
      }
      if (object !== "Contact") continue;
      changes.contactIds.add(id);
      const master = readRecordField(record, "MasterRecordId");
      if (typeof master === "string" && master) changes.merges.set(contactKey(id), master);
    }
    yield changes;
  }
}
