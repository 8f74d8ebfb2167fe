import { comparePerson, type ExistingPerson } from "@/lib/sync/person-diff";
import { contactKey, personKey } from "@/lib/sync/plan-accumulate";
import { countOutcomes, type Plan } from "@/lib/sync/plan-types";

/** Merged contacts: the duplicate's contact key to the surviving contact's Id. */
export type MergedContacts = Map<string, string>;

/** Follows a duplicate to the contact that survived, through merges of merges. */
export function survivorOf(merges: MergedContacts, contactId: string): string | null {
  let survivor = merges.get(contactKey(contactId)) ?? null;
  for (let hops = 0; survivor && hops < 5; hops++) {
    const next = merges.get(contactKey(survivor));
    if (!next) break;
    survivor = next;
  }
  return survivor;
}

/**
 * Folds the person of a contact merged away in Salesforce into the surviving contact's person
 * on the same customer, so the merge leaves one person, not an archived one and a new one:
 * when the survivor has no person there yet, the duplicate's person is kept and now follows the
 * survivor (its id and history stay); when it has one, the duplicate's person is deleted. The
 * survivor carries what Salesforce kept in the merge (its fields, and the duplicate's
 * relations with their roles), so its positions and phones come through the plan as usual.
 * A duplicate whose survivor does not land on that customer leaves as the rules say.
 */
export function foldMergedContacts(
  plan: Plan,
  merges: MergedContacts,
  existing: Map<string, ExistingPerson>,
): Plan {
  if (merges.size === 0) return plan;
  const entries = [...plan.entries];
  const placed = new Map<string, number>();
  entries.forEach((entry, i) => entry.desired && placed.set(entry.key, i));

  const removed = new Set<number>();
  const leavers = entries
    .map((entry, i) => ({ entry, i }))
    .filter(({ entry }) => entry.personId !== null && entry.desired === null)
    .sort((a, b) => (a.entry.contact.id < b.entry.contact.id ? -1 : 1));

  for (const { entry, i } of leavers) {
    const survivor = survivorOf(merges, entry.contact.id);
    const person = existing.get(entry.personId!);
    if (!survivor || !person) continue;

    const at = placed.get(personKey(survivor, person.customerId));
    const target = at === undefined ? undefined : entries[at];
    const merged = `Its contact ${entry.contact.id} was merged into ${survivor} in Salesforce`;
    if (!target || at === undefined) {
      entries[i] = { ...entry, reason: `${merged}, which does not land here. ${entry.reason}` };
    } else if (target.outcome === "create") {
      const { changes, desired } = comparePerson(person, target.desired!);
      const reason = `${merged}; this person now follows the surviving contact.`;
      entries[at] = { ...target, outcome: "update", personId: person.id, desired, changes, reason };
      removed.add(i);
    } else {
      const reason = `${merged}; folded into the person of the surviving contact.`;
      entries[i] = { ...entry, outcome: "delete", reason };
    }
  }

  const kept = entries.filter((_, i) => !removed.has(i));
  return { ...plan, entries: kept, counts: countOutcomes(kept) };
}
