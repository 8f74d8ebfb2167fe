import type { RunCounts } from "@/lib/db/schema";
import type { SyncCustomer } from "@/lib/sync/customers";
import type { ContactSummary, DesiredPerson, PhoneWarning } from "@/lib/sync/map";
import type { PersonChange } from "@/lib/sync/person-diff";

/** The outcomes of the glossary's plan, spelt as in the database's sync_record_outcome. */
export type Outcome = keyof RunCounts;

/**
 * One row of a plan: enough for the preview table and for the apply step, which writes
 * `desired` for create and update, and touches `personId` for archive and delete.
 */
export type PlanEntry = {
  /** Stable within a plan: the person key, or the skipped contact (and account). */
  key: string;
  outcome: Outcome;
  /** Why, in plain words; null for a plain create, update or unchanged. */
  reason: string | null;
  contact: ContactSummary;
  /** Where the person is or will be stored; null for a skip that found no customer. */
  customer: SyncCustomer | null;
  /** The customers whose accounts matched, when the person is stored at their top parent. */
  matchedCustomers: SyncCustomer[];
  /** The existing person, for update, unchanged, archive and delete. */
  personId: string | null;
  desired: DesiredPerson | null;
  /** Field-by-field before and after; only updates have any. */
  changes: PersonChange[];
};

export type Plan = {
  entries: PlanEntry[];
  counts: RunCounts;
  warnings: PhoneWarning[];
  /** Position names the desired People use that the organisation does not have yet. */
  positionsToCreate: string[];
  /** Records taken in; one that arrived twice (split queries overlap) is still one entry. */
  records: { received: number };
};

/** A plan whose entries may be an array or made as they are read (a run's result is either). */
export type ReadablePlan = Omit<Plan, "entries"> & { entries: Iterable<PlanEntry> };

/**
 * A plan as the planner hands it over: counts, warnings and the positions to create are ready,
 * and the entries are made from the planner's index each time they are read, so a run can apply
 * 100,000 of them in batches without holding them all. `leaving` (the existing People the plan
 * archives, keeps or deletes) and `entryOf` are what folding merges needs.
 */
export type PlanOutline = ReadablePlan & {
  leaving: PlanEntry[];
  entryOf: (key: string) => PlanEntry | undefined;
};

/** Every entry read into an array, for a preview, an explanation or a test. */
export function materialisePlan(outline: PlanOutline): Plan {
  const { counts, warnings, positionsToCreate, records } = outline;
  return { entries: [...outline.entries], counts, warnings, positionsToCreate, records };
}

/** Entries that can be read more than once, each time made afresh. */
export function rereadable<T>(read: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: read };
}

export function countOutcomes(entries: Iterable<PlanEntry>): RunCounts {
  const counts = emptyCounts();
  for (const entry of entries) counts[entry.outcome] += 1;
  return counts;
}

export function emptyCounts(): RunCounts {
  return { create: 0, update: 0, unchanged: 0, archive: 0, delete: 0, skip: 0 };
}
