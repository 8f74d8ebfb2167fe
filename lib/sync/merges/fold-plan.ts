import { foldMergedContacts, type MergedContacts, survivorOf } from "@/lib/sync/merges/fold-merges";
import { findMergedContacts } from "@/lib/sync/merges/find-merges";
import type { ExistingPerson } from "@/lib/sync/person-diff";
import { personKey } from "@/lib/sync/plan-accumulate";
import { countOutcomes, type PlanEntry, type PlanOutline, rereadable } from "@/lib/sync/plan-types";
import type { ContactSource } from "@/lib/sync/source";

/**
 * The plan with merged contacts folded: the contacts of leaving People are looked up with
 * queryAll (merges already known are not asked again). A source without queryAll, such as a
 * test fixture, leaves the plan as it is.
 *
 * Only the leaving entries and the entries of their surviving contacts can change, so the fold
 * works on those few and the outline's other entries are read through untouched.
 */
export async function foldMergesInPlan(
  outline: PlanOutline,
  source: ContactSource,
  existingByIds: (ids: Set<string>) => Map<string, ExistingPerson>,
  known: MergedContacts = new Map(),
): Promise<PlanOutline> {
  const leaving = outline.leaving;
  if (leaving.length === 0 || !source.queryAll) return outline;

  const queryAll = source.queryAll;
  const contactIds = leaving.map((entry) => entry.contact.id);
  const merges = await findMergedContacts({ queryAll }, contactIds, known);
  if (merges.size === 0) return outline;

  const existing = existingByIds(new Set(leaving.map((entry) => entry.personId!)));

  const involved = new Map<string, PlanEntry>(leaving.map((entry) => [entry.key, entry]));
  for (const entry of leaving) {
    const survivor = survivorOf(merges, entry.contact.id);
    const person = existing.get(entry.personId!);
    if (!survivor || !person) continue;
    const target = outline.entryOf(personKey(survivor, person.customerId));
    if (target?.desired) involved.set(target.key, target);
  }

  const before = [...involved.values()];
  const folded = foldMergedContacts({ ...outline, entries: before }, merges, existing).entries;
  const replaced = new Map(folded.map((entry) => [entry.key, entry]));
  const removed = new Set(before.filter((e) => !replaced.has(e.key)).map((e) => e.key));

  const counts = { ...outline.counts };
  const was = countOutcomes(before);
  const now = countOutcomes(folded);
  for (const outcome of Object.keys(counts) as (keyof typeof counts)[]) {
    counts[outcome] += now[outcome] - was[outcome];
  }

  return {
    ...outline,
    counts,
    entries: rereadable(function* () {
      for (const entry of outline.entries) {
        if (!removed.has(entry.key)) yield replaced.get(entry.key) ?? entry;
      }
    }),
    leaving: folded.filter((entry) => entry.personId !== null && entry.desired === null),
    entryOf: (key) => (removed.has(key) ? undefined : (replaced.get(key) ?? outline.entryOf(key))),
  };
}
