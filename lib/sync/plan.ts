import { createSyncContext, type SyncContext, type SyncContextInput } from "@/lib/sync/context";
import type { SyncCustomer } from "@/lib/sync/customers";
import { mapRow } from "@/lib/sync/map";
import { comparePerson, type ExistingPerson } from "@/lib/sync/person-diff";
import {
  type Accumulated,
  Accumulator,
  contactKey,
  personKey,
  summariseAccumulated,
} from "@/lib/sync/plan-accumulate";
import { describeNoLongerMatching } from "@/lib/sync/plan-leavers";
import { emptyCounts, type Plan, type PlanEntry } from "@/lib/sync/plan-types";
import { sortPositions } from "@/lib/sync/positions";
import { readSyncRow, type SalesforceRecord } from "@/lib/sync/record";

/**
 * The streaming planner: pages of records go in as they arrive, the plan comes out at the end.
 * Manual People are left out from the start, so no entry can ever touch one.
 */

export type PlannerInput = SyncContextInput & { existingPeople: Iterable<ExistingPerson> };

export type Planner = {
  add: (records: Iterable<SalesforceRecord>) => void;
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
  const existing = new Map<string, ExistingPerson>();
  for (const person of existingPeople) {
    if (person.source !== "salesforce" || !person.salesforceContactId) continue;
    existing.set(personKey(person.salesforceContactId, person.customerId), person);
  }

  const accumulator = new Accumulator(context.knownPositions);
  let received = 0;

  const add = (records: Iterable<SalesforceRecord>) => {
    for (const record of records) {
      received += 1;
      accumulator.take(mapRow(readSyncRow(record), context));
    }
  };

  const finish = (): Plan => {
    const entries: PlanEntry[] = [];
    const claimed = new Set<string>();

    for (const [key, item] of accumulator.people) {
      const person = existing.get(key);
      if (person) claimed.add(key);
      entries.push(planPerson(key, item, person));
    }

    const leavers = [...existing].filter(([key]) => !claimed.has(key));
    const placedOn = findPlacements(leavers, accumulator.people);
    const rule = context.config.additional.rules.onNoLongerMatching;
    for (const [key, person] of leavers) {
      const contact = contactKey(person.salesforceContactId ?? "");
      const leaving = {
        skipped: accumulator.skippedContacts.get(contact) ?? null,
        placedOn: placedOn.get(contact) ?? [],
        customers: context.customers,
      };
      entries.push(describeNoLongerMatching(person, key, rule, leaving));
    }

    for (const [key, skip] of accumulator.skips) {
      entries.push({
        key,
        outcome: "skip",
        reason: skip.reason,
        contact: skip.contact,
        customer: null,
        matchedCustomers: [],
        personId: null,
        desired: null,
        changes: [],
      });
    }

    return summarisePlan(entries, [...accumulator.warnings.values()], context, { received });
  };

  return { add, finish };
}

/** Where the contacts of leaving People land now, to say so in the reason. */
function findPlacements(
  leavers: [string, ExistingPerson][],
  people: Map<string, Accumulated>,
): Map<string, SyncCustomer[]> {
  const placedOn = new Map<string, SyncCustomer[]>();
  if (leavers.length === 0) return placedOn;

  const wanted = new Set(leavers.map(([, person]) => contactKey(person.salesforceContactId ?? "")));
  for (const item of people.values()) {
    const contact = contactKey(item.person.salesforceContactId);
    if (!wanted.has(contact)) continue;
    placedOn.set(contact, [...(placedOn.get(contact) ?? []), item.customer]);
  }
  return placedOn;
}

function planPerson(key: string, item: Accumulated, person: ExistingPerson | undefined): PlanEntry {
  const { customer, matched } = item;
  const viaParent = matched.length > 1 || matched[0]?.id !== customer.id;
  const through = viaParent ? matched.map((c) => c.name).join(", ") : "";
  const reason = viaParent
    ? `Stored at the top parent ${customer.name}, through ${through}.`
    : null;
  const contact = summariseAccumulated(item);

  if (!person) {
    const outcome = "create";
    const changes: PlanEntry["changes"] = [];
    const desired = item.person;
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

  const { changes, desired } = comparePerson(person, item.person);
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

function summarisePlan(
  entries: PlanEntry[],
  warnings: Plan["warnings"],
  context: SyncContext,
  records: Plan["records"],
): Plan {
  const counts = emptyCounts();
  const toCreate = new Map<string, string>();

  for (const entry of entries) {
    counts[entry.outcome] += 1;
    if (!entry.desired || (entry.outcome !== "create" && entry.outcome !== "update")) continue;
    for (const name of entry.desired.positions) {
      const key = name.toLowerCase();
      if (!context.knownPositions.has(key)) toCreate.set(key, name);
    }
  }

  const positionsToCreate = sortPositions(toCreate.values(), context.knownPositions);
  return { entries, counts, warnings, positionsToCreate, records };
}
