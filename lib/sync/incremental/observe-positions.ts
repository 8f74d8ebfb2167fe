import type { CursorPosition, CursorPositions } from "@/lib/db/schema";
import { comparePositions, normaliseModstamp } from "@/lib/sync/incremental/change-window";
import { readRecordField, readSyncRow, type SalesforceRecord } from "@/lib/sync/record";
import type { ContactSource } from "@/lib/sync/source";

/**
 * A full run's source that notes the newest (SystemModstamp, Id) of the contacts and relations
 * it fetches, which the sync queries select anyway: the cursor those objects start from, with
 * no query of their own. A record changed after a query's snapshot has a later SystemModstamp
 * than any it returned, so it is read by the next incremental run.
 */
export function observePositions(source: ContactSource) {
  const positions: CursorPositions = {};
  const note = (object: "Contact" | "AccountContactRelation", record: SalesforceRecord | null) => {
    const modstamp = readRecordField(record, "SystemModstamp");
    const id = readRecordField(record, "Id");
    if (!modstamp || typeof id !== "string") return;
    const position: CursorPosition = { modstamp: normaliseModstamp(modstamp), id };
    const known = positions[object];
    if (!known || comparePositions(position, known) > 0) positions[object] = position;
  };

  const observed: ContactSource = {
    ...source,
    query: (soql, hints) => ({
      async *[Symbol.asyncIterator]() {
        for await (const page of source.query(soql, hints)) {
          for (const record of page.records) {
            const row = readSyncRow(record);
            note("Contact", { ...row.contact, Id: row.contactId });
            if (row.relation) note("AccountContactRelation", row.relation);
          }
          yield page;
        }
      },
    }),
  };
  return { source: observed, positions: () => ({ ...positions }) };
}
