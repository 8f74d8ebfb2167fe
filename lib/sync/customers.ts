import type { Customer } from "@/lib/db/schema";

/**
 * The organisation's customers, indexed for the map: by Salesforce Account Id, and by id for
 * the walk up a customer group to its top parent.
 */

export type SyncCustomer = Pick<
  Customer,
  "id" | "name" | "salesforceAccountId" | "parentCustomerId"
>;

export type TopParent =
  { ok: true; customer: SyncCustomer; path: SyncCustomer[] } | { ok: false; path: SyncCustomer[] };

export type CustomerIndex = {
  byAccountId: (accountId: string) => SyncCustomer | undefined;
  byId: (id: string) => SyncCustomer | undefined;
  /** The top of the customer's group, walked once per customer; a loop is reported, not followed. */
  topParentOf: (customer: SyncCustomer) => TopParent;
};

/**
 * Salesforce Ids come as 15 case-sensitive characters or as 18 with a checksum suffix; both
 * spellings of one Id share the first 15, so customers stored either way match.
 */
export function accountKey(accountId: string): string {
  return accountId.slice(0, 15);
}

export function indexCustomers(customers: Iterable<SyncCustomer>): CustomerIndex {
  const byAccount = new Map<string, SyncCustomer>();
  const byId = new Map<string, SyncCustomer>();
  for (const customer of customers) {
    byId.set(customer.id, customer);
    if (customer.salesforceAccountId)
      byAccount.set(accountKey(customer.salesforceAccountId), customer);
  }

  // The same customers by the Id as stored, which a page's Ids usually spell the same way: found
  // without cutting each Id to 15 characters first (this runs once a record).
  const byStoredId = new Map<string, SyncCustomer>();
  for (const customer of byAccount.values())
    byStoredId.set(customer.salesforceAccountId!, customer);

  const tops = new Map<string, TopParent>();
  const topParentOf = (customer: SyncCustomer): TopParent => {
    const known = tops.get(customer.id);
    if (known) return known;

    const path: SyncCustomer[] = [customer];
    const seen = new Set([customer.id]);
    let current = customer;
    let result: TopParent | null = null;
    while (!result) {
      const parent = current.parentCustomerId ? byId.get(current.parentCustomerId) : undefined;
      // A parent id that names no customer of this organisation ends the walk where it is.
      if (!parent) result = { ok: true, customer: current, path };
      else if (seen.has(parent.id)) result = { ok: false, path: [...path, parent] };
      else {
        path.push(parent);
        seen.add(parent.id);
        current = parent;
      }
    }

    tops.set(customer.id, result);
    return result;
  };

  return {
    byAccountId: (accountId) => byStoredId.get(accountId) ?? byAccount.get(accountKey(accountId)),
    byId: (id) => byId.get(id),
    topParentOf,
  };
}

/** "Acme Ltd → Acme Group", for reasons and explanations. */
export function describeCustomerPath(path: SyncCustomer[]): string {
  return path.map((customer) => customer.name).join(" → ");
}
