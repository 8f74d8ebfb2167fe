import type { CursorPositions } from "@/lib/db/schema";
import { readRecordField, readSyncRow } from "@/lib/sync/record";
import type { ContactSource } from "@/lib/sync/source";

/**
 * A full run's source that notes the newest (SystemModstamp, Id) of the contacts and relations
 * it fetches, which the sync queries select anyway: the cursor those objects start from, with
 * no query of their own. A record changed after a query's snapshot has a later SystemModstamp
 * than any it returned, so it is read by the next incremental run.
 */
export function observePositions(source: ContactSource) {
  // Kept as milliseconds and compared as numbers: this runs for every record of a full run.
  const newest: Partial<Record<ObservedObject, { ms: number; id: string; utc: string | null }>> =
    {};
  const note = (object: ObservedObject, modstamp: unknown, id: unknown) => {
    if (!modstamp || typeof id !== "string") return;
    const known = newest[object];
    // Salesforce writes every SystemModstamp in UTC at one width ("2024-05-01T12:00:00.000Z" or
    // "...000+0000"), so one written earlier sorts earlier as text: most are passed over
    // without being parsed.
    const { utc } = known ?? {};
    if (utc && typeof modstamp === "string" && modstamp.length === utc.length && modstamp < utc) {
      // Only a well-formed stamp: anything else is parsed, and refused, as before.
      if (modstamp.endsWith(utc.endsWith("Z") ? "Z" : "+0000") && isUtc(modstamp)) return;
    }
    const ms = typeof modstamp === "number" ? modstamp : Date.parse(String(modstamp));
    if (!Number.isFinite(ms)) throw new Error(`Not a SystemModstamp: ${String(modstamp)}`);
    if (!known || ms > known.ms || (ms === known.ms && id > known.id)) {
      const utc = typeof modstamp === "string" && isUtc(modstamp) ? modstamp : null;
      newest[object] = { ms, id, utc };
    }
  };

  const observed: ContactSource = {
    ...source,
    query: (soql, hints) => ({
      async *[Symbol.asyncIterator]() {
        for await (const page of source.query(soql, hints)) {
          for (const record of page.records) {
            const row = readSyncRow(record);
            note("Contact", readRecordField(row.contact, "SystemModstamp"), row.contactId);
            if (row.relation) {
              const { relation } = row;
              const modstamp = readRecordField(relation, "SystemModstamp");
              note("AccountContactRelation", modstamp, readRecordField(relation, "Id"));
            }
          }
          yield page;
        }
      },
    }),
  };
  const positions = (): CursorPositions => {
    const out: CursorPositions = {};
    for (const [object, known] of Object.entries(newest)) {
      out[object as ObservedObject] = { modstamp: new Date(known.ms).toISOString(), id: known.id };
    }
    return out;
  };
  return { source: observed, positions };
}

type ObservedObject = "Contact" | "AccountContactRelation";

// A UTC time whose text order is its time order: days past the 28th, hour 24 and anything
// else Date.parse reads (or rolls over: "02-31" is 2 March) are left to it.
const UTC_MODSTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}(Z|\+0000)$/;

function isUtc(modstamp: string) {
  return UTC_MODSTAMP.test(modstamp);
}
