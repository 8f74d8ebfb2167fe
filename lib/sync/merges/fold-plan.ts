import {
  foldMergedContacts,
  leavingEntries,
  type MergedContacts,
} from "@/lib/sync/merges/fold-merges";
import { findMergedContacts } from "@/lib/sync/merges/find-merges";
import type { ExistingPerson } from "@/lib/sync/person-diff";
import type { Plan } from "@/lib/sync/plan-types";
import type { ContactSource } from "@/lib/sync/source";

/**
 * The plan with merged contacts folded: the contacts of leaving People are looked up with
 * queryAll (merges already known are not asked again). A source without queryAll, such as a
 * test fixture, leaves the plan as it is.
 */
export async function foldMergesInPlan(
  plan: Plan,
  source: ContactSource,
  existingPeople: Iterable<ExistingPerson>,
  known: MergedContacts = new Map(),
): Promise<Plan> {
  const leaving = leavingEntries(plan);
  if (leaving.length === 0 || !source.queryAll) return plan;

  const queryAll = source.queryAll;
  const contactIds = leaving.map((entry) => entry.contact.id);
  const merges = await findMergedContacts({ queryAll }, contactIds, known);
  if (merges.size === 0) return plan;

  const wanted = new Set(leaving.map((entry) => entry.personId));
  const existing = new Map<string, ExistingPerson>();
  for (const person of existingPeople) if (wanted.has(person.id)) existing.set(person.id, person);
  return foldMergedContacts(plan, merges, existing);
}
