import type { NoLongerMatchingRule } from "@/lib/sync/config";
import type { CustomerIndex, SyncCustomer } from "@/lib/sync/customers";
import type { ExistingPerson } from "@/lib/sync/person-diff";
import type { PlanEntry } from "@/lib/sync/plan-types";
import { readText } from "@/lib/sync/record";

/**
 * Existing synced People whose contact did not land on their customer this time: archived,
 * kept or deleted as the organisation's rule says, with the reason their contact left.
 */

type Leaving = {
  /** Why the contact was skipped, when it was fetched and skipped. */
  skipped: string | null;
  /** Where the contact lands now, when it moved to other customers. */
  placedOn: SyncCustomer[];
  customers: CustomerIndex;
};

export function describeNoLongerMatching(
  person: ExistingPerson,
  key: string,
  rule: NoLongerMatchingRule,
  leaving: Leaving,
): PlanEntry {
  const why = explainLeaving(leaving);
  const firstName = readText(person.firstName);
  const lastName = readText(person.lastName);
  const contactId = person.salesforceContactId ?? "";
  const entry = {
    key,
    contact: {
      id: contactId,
      name: [firstName, lastName].filter(Boolean).join(" ") || contactId,
      email: readText(person.email),
      accountId: null,
      accountName: null,
    },
    customer: leaving.customers.byId(person.customerId) ?? null,
    matchedCustomers: [],
    personId: person.id,
    desired: null,
    changes: [],
  };

  if (rule === "keep") {
    return { ...entry, outcome: "unchanged", reason: `${why} Kept, as the sync rules say.` };
  }
  if (rule === "delete") {
    return { ...entry, outcome: "delete", reason: `${why} Deleted, as the sync rules say.` };
  }
  if (person.archivedAt) {
    return { ...entry, outcome: "unchanged", reason: `${why} Already archived.` };
  }
  return { ...entry, outcome: "archive", reason: why };
}

function explainLeaving({ skipped, placedOn }: Leaving): string {
  if (skipped) return `Its contact is skipped: ${skipped}`;
  if (placedOn.length > 0) {
    const names = placedOn.map((customer) => customer.name).join(", ");
    return `Its contact now lands on ${names}.`;
  }
  return "Its contact no longer matches the filters, or is gone from Salesforce.";
}
