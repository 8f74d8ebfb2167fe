import { createSyncContext, type SyncContext, type SyncContextInput } from "@/lib/sync/context";
import type { SyncCustomer } from "@/lib/sync/customers";
import { mapRow, phoneLookupsOf } from "@/lib/sync/map";
import { type PhoneLookup, uniqueLookups } from "@/lib/sync/phones";
import { comparePerson, type ExistingPerson } from "@/lib/sync/person-diff";
import { flatKey, type PlacedPerson, PersonRows } from "@/lib/sync/person-row";
import { Accumulator, contactKey, personKey, summarisePlaced } from "@/lib/sync/plan-accumulate";
import { describeNoLongerMatching } from "@/lib/sync/plan-leavers";
import {
  emptyCounts,
  materialisePlan,
  type Plan,
  type PlanEntry,
  type PlanOutline,
  rereadable,
} from "@/lib/sync/plan-types";
import { sortPositions } from "@/lib/sync/positions";
import { readSyncRow, type SalesforceRecord, type SyncRow } from "@/lib/sync/record";

/**
 * The streaming planner: pages of records go in as they arrive, the plan comes out at the end.
 * Manual People are left out from the start, so no entry can ever touch one.
 */

export type PlannerInput = SyncContextInput & { existingPeople: Iterable<ExistingPerson> };

export type Planner = {
  add: (records: Iterable<SalesforceRecord>) => void;
  /** As `add`, for records already read as rows (see `phoneLookups`). */
  addRows: (rows: Iterable<SyncRow>) => void;
  /** The phone numbers `addRows` would parse for these rows (to parse them elsewhere first). */
  phoneLookups: (rows: Iterable<SyncRow>) => PhoneLookup[];
  /** The existing synced People with these ids, for folding merges. */
  existingByIds: (ids: Set<string>) => Map<string, ExistingPerson>;
  /** The plan with its entries made as they are read; see PlanOutline. */
  outline: () => PlanOutline;
  /** The plan with every entry in an array. */
  finish: () => Plan;
};

export { personKey };

export function createPlanner(input: PlannerInput): Planner {
  return createPlannerFor(createSyncContext(input), input.existingPeople);
}

export function createPlannerFor(
  context: SyncContext,
  existingPeople: Iterable<ExistingPerson>,
): Planner {
  // Packed like the placed People (see person-row.ts): a re-run holds every existing person.
  const existingRows = new PersonRows();
  const existingPacked = new Map<string, string>();
  for (const person of existingPeople) {
    if (person.source !== "salesforce" || !person.salesforceContactId) continue;
    const key = flatKey(personKey(person.salesforceContactId, person.customerId));
    existingPacked.set(key, existingRows.packExisting(person));
  }
  const existingOf = (key: string): ExistingPerson | undefined => {
    const row = existingPacked.get(key);
    return row === undefined ? undefined : existingRows.unpackExisting(row);
  };
  const existingByIds = (ids: Set<string>) => {
    const found = new Map<string, ExistingPerson>();
    for (const row of existingPacked.values()) {
      if (!ids.has(existingRows.existingId(row))) continue;
      const person = existingRows.unpackExisting(row);
      found.set(person.id, person);
    }
    return found;
  };

  const accumulator = new Accumulator(context.knownPositions);
  let received = 0;

  const addRows = (rows: Iterable<SyncRow>) => {
    for (const row of rows) {
      received += 1;
      accumulator.take(mapRow(row, context));
    }
  };
  const add = (records: Iterable<SalesforceRecord>) => addRows(Array.from(records, readSyncRow));

  const outline = (): PlanOutline => {
    const counts = emptyCounts();
    const toCreate = new Map<string, string>();
    const claimed = new Set<string>();

    // One pass to count and to find the positions to create; the entries come later, when read.
    for (const [key, row] of accumulator.people) {
      const person = existingOf(key);
      let outcome: PlanEntry["outcome"] = "create";
      let positions: string[];
      if (person) {
        claimed.add(key);
        const desired = accumulator.placed(row).person;
        outcome = comparePerson(person, desired).changes.length > 0 ? "update" : "unchanged";
        positions = desired.positions;
      } else {
        // A create needs only its positions here, read without unpacking the whole person.
        positions = accumulator.positionsOf(row);
      }
      counts[outcome] += 1;
      if (outcome === "unchanged") continue;
      for (const name of positions) {
        const lower = name.toLowerCase();
        if (!context.knownPositions.has(lower)) toCreate.set(lower, name);
      }
    }

    const leavers: [string, ExistingPerson][] = [];
    for (const key of existingPacked.keys()) {
      if (!claimed.has(key)) leavers.push([key, existingOf(key)!]);
    }
    const placedOn = findPlacements(leavers, accumulator);
    const rule = context.config.additional.rules.onNoLongerMatching;
    const leaving = leavers.map(([key, person]) => {
      const contact = contactKey(person.salesforceContactId ?? "");
      const leaving = {
        skipped: accumulator.skippedContacts.get(contact) ?? null,
        placedOn: placedOn.get(contact) ?? [],
        customers: context.customers,
      };
      return describeNoLongerMatching(person, key, rule, leaving);
    });
    for (const entry of leaving) counts[entry.outcome] += 1;
    counts.skip += accumulator.skips.size;

    const entryOf = (key: string): PlanEntry | undefined => {
      const row = accumulator.people.get(key);
      if (row !== undefined) return planPerson(key, accumulator.placed(row), existingOf(key));
      return leaving.find((entry) => entry.key === key) ?? skipEntry(key, accumulator.skips);
    };
    const entries = rereadable(function* () {
      for (const [key, row] of accumulator.people) {
        yield planPerson(key, accumulator.placed(row), existingOf(key));
      }
      yield* leaving;
      for (const key of accumulator.skips.keys()) yield skipEntry(key, accumulator.skips)!;
    });

    return {
      entries,
      leaving,
      entryOf,
      counts,
      warnings: [...accumulator.warnings.values()],
      positionsToCreate: sortPositions(toCreate.values(), context.knownPositions),
      records: { received },
    };
  };

  const phoneLookups = (rows: Iterable<SyncRow>) => {
    const lookups: PhoneLookup[] = [];
    for (const row of rows) phoneLookupsOf(row, context, lookups);
    return uniqueLookups(lookups);
  };

  return {
    add,
    addRows,
    phoneLookups,
    existingByIds,
    outline,
    finish: () => materialisePlan(outline()),
  };
}

function skipEntry(key: string, skips: Accumulator["skips"]): PlanEntry | undefined {
  const skip = skips.get(key);
  if (!skip) return undefined;
  return {
    key,
    outcome: "skip",
    reason: skip.reason,
    contact: skip.contact,
    customer: null,
    matchedCustomers: [],
    personId: null,
    desired: null,
    changes: [],
  };
}

/** Where the contacts of leaving People land now, to say so in the reason. */
function findPlacements(
  leavers: [string, ExistingPerson][],
  accumulator: Accumulator,
): Map<string, SyncCustomer[]> {
  const placedOn = new Map<string, SyncCustomer[]>();
  if (leavers.length === 0) return placedOn;

  const wanted = new Set(leavers.map(([, person]) => contactKey(person.salesforceContactId ?? "")));
  for (const [key, row] of accumulator.people) {
    const contact = key.slice(0, key.indexOf("|"));
    if (!wanted.has(contact)) continue;
    const { customer } = accumulator.placed(row);
    placedOn.set(contact, [...(placedOn.get(contact) ?? []), customer]);
  }
  return placedOn;
}

function planPerson(
  key: string,
  placed: PlacedPerson,
  person: ExistingPerson | undefined,
): PlanEntry {
  const { customer, matched } = placed;
  const viaParent = matched.length > 1 || matched[0]?.id !== customer.id;
  const through = viaParent ? matched.map((c) => c.name).join(", ") : "";
  const reason = viaParent
    ? `Stored at the top parent ${customer.name}, through ${through}.`
    : null;
  const planned = placed.person;
  const contact = summarisePlaced(placed);

  if (!person) {
    const outcome = "create";
    const changes: PlanEntry["changes"] = [];
    const desired = planned;
    return {
      key,
      outcome,
      reason,
      contact,
      customer,
      matchedCustomers: matched,
      personId: null,
      desired,
      changes,
    };
  }

  const { changes, desired } = comparePerson(person, planned);
  const outcome = changes.length > 0 ? "update" : "unchanged";
  return {
    key,
    outcome,
    reason,
    contact,
    customer,
    matchedCustomers: matched,
    personId: person.id,
    desired,
    changes,
  };
}
