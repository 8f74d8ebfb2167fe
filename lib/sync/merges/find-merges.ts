import { queriesForIds } from "@/lib/sync/incremental/id-lists";
import { contactKey } from "@/lib/sync/plan-accumulate";
import type { ContactSource } from "@/lib/sync/source";
import type { MergedContacts } from "@/lib/sync/merges/fold-merges";

type DeletedReader = Required<Pick<ContactSource, "queryAll">>;

/**
 * Which of these contacts were merged into another, read with queryAll (merged duplicates are
 * deleted records with a MasterRecordId), following a survivor that was merged in turn.
 * Salesforce keeps deleted records for about 15 days; an older merge reads as a deletion.
 */
export async function findMergedContacts(
  source: DeletedReader,
  contactIds: Iterable<string>,
  known: MergedContacts = new Map(),
): Promise<MergedContacts> {
  const merges: MergedContacts = new Map(known);
  let wanted = [...contactIds].filter((id) => !merges.has(contactKey(id)));

  for (let round = 0; round < 3 && wanted.length > 0; round++) {
    const found: string[] = [];
    const queries = queriesForIds(
      wanted,
      "Id",
      (condition) =>
        `SELECT Id, MasterRecordId FROM Contact WHERE ${condition} AND MasterRecordId != null`,
    );
    for (const soql of queries) {
      for await (const page of source.queryAll(soql, { small: true })) {
        for (const record of page.records) {
          merges.set(contactKey(String(record.Id)), String(record.MasterRecordId));
          found.push(String(record.MasterRecordId));
        }
      }
    }
    wanted = found.filter((id) => !merges.has(contactKey(id)));
  }
  return merges;
}
