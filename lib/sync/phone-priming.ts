import type { PhoneNormaliser } from "@/lib/sync/phone-worker";
import { rememberPhones } from "@/lib/sync/phones";
import type { Planner } from "@/lib/sync/plan";
import { readSyncRow, type SalesforceRecord, type SyncRow } from "@/lib/sync/record";

/**
 * Pages into the planner with their phone numbers normalised on another thread first. A page
 * waits for one turn: its numbers go to the thread while the page before (whose numbers are back
 * by then) is mapped, so mapping finds every number known and parses none. Arrival order is kept;
 * `flush` maps the last page. Without a normaliser, pages are mapped as they come.
 */
export function primedPages(planner: Planner, phones: PhoneNormaliser | undefined) {
  // The page waits as rows, read once for its numbers and its mapping.
  let waiting: { rows: SyncRow[]; numbers: Promise<void> } | null = null;

  const flush = async () => {
    const page = waiting;
    waiting = null;
    if (!page) return;
    await page.numbers;
    planner.addRows(page.rows);
  };

  const add = async (records: SalesforceRecord[]) => {
    if (!phones) return planner.add(records);
    const rows = records.map(readSyncRow);
    const lookups = planner.phoneLookups(rows);
    const numbers = phones
      .normalise(lookups)
      .then((answers) => rememberPhones(lookups, answers))
      // Only a shortcut: without its answers, mapping parses the numbers itself.
      .catch(() => undefined);
    await flush();
    waiting = { rows, numbers };
  };

  return { add, flush };
}
