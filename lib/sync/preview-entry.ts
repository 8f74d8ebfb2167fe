import type { SyncCustomer } from "@/lib/sync/customers";
import type { DesiredPerson } from "@/lib/sync/map";
import type { PlanEntry } from "@/lib/sync/plan-types";

/** What the preview table shows of a person; the customer id and contact id are elsewhere. */
export function storedPerson(person: DesiredPerson) {
  const { firstName, lastName, email, phones, positions, customFields } = person;
  return { firstName, lastName, email, phones, positions, customFields };
}

/** What the preview table shows of a plan entry; the rest of the plan is not kept. */
export function storedEntry(entry: PlanEntry) {
  const customer = (c: SyncCustomer) => ({ id: c.id, name: c.name });
  return {
    contact: entry.contact,
    customer: entry.customer && customer(entry.customer),
    matchedCustomers: entry.matchedCustomers.map(customer),
    person: entry.desired && storedPerson(entry.desired),
    changes: entry.changes,
  };
}

export type StoredPreviewEntry = ReturnType<typeof storedEntry>;
