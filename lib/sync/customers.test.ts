import { expect, test } from "vitest";
import { indexCustomers, type SyncCustomer } from "@/lib/sync/customers";

const customer = (id: string, salesforceAccountId: string | null): SyncCustomer => ({
  id,
  name: `Customer ${id}`,
  salesforceAccountId,
  parentCustomerId: null,
});

test("finds a customer by its account Id in either spelling, however it was stored", () => {
  const stored18 = customer("c1", "001000000000001AAA");
  const stored15 = customer("c2", "001000000000002");
  const index = indexCustomers([stored18, stored15, customer("c3", null)]);

  expect(index.byAccountId("001000000000001AAA")).toBe(stored18);
  expect(index.byAccountId("001000000000001")).toBe(stored18);
  expect(index.byAccountId("001000000000002")).toBe(stored15);
  expect(index.byAccountId("001000000000002AAQ")).toBe(stored15);
  expect(index.byAccountId("001000000000003AAA")).toBeUndefined();
});

test("gives one customer for an account stored twice, in both spellings", () => {
  const first = customer("c1", "001000000000001AAA");
  const second = customer("c2", "001000000000001");
  const index = indexCustomers([first, second]);

  // The customer listed last holds the account, looked up either way.
  expect(index.byAccountId("001000000000001AAA")).toBe(second);
  expect(index.byAccountId("001000000000001")).toBe(second);
});
