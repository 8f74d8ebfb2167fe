import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import type { Sandbox } from "@/sandbox/index";

import { createSalesforceConnection } from "./connection";
import { SalesforceError } from "./errors";
import { type QueryPage, queryAllRecords, queryPages } from "./query";
import { clientCredentials, sandboxWith } from "./test-support";

let sandbox: Sandbox;
const PAGED = 10_500;
const SOQL = "SELECT Id, LastName FROM Contact WHERE Department = 'Paged'";

beforeAll(async () => {
  sandbox = await sandboxWith({
    customFields: [{ object: "Contact", name: "Region__c", type: "string", hidden: true }],
    multiAccount: false,
    populate: (org) => {
      for (let i = 0; i < PAGED; i++)
        org.insert("Contact", { LastName: `Paged ${i}`, Department: "Paged" });
      const gone = org.insert("Contact", { LastName: "Gone", Department: "Gone" });
      org.delete("Contact", String(gone.Id));
    },
  });
});

beforeEach(() => sandbox.faults.reset());
afterAll(() => sandbox.close());

const connect = (retries?: number) =>
  createSalesforceConnection(clientCredentials(sandbox), { retries });

async function collect(pages: AsyncIterable<QueryPage>) {
  const seen: QueryPage[] = [];
  for await (const page of pages) seen.push(page);
  return seen;
}

async function failureOf(promise: Promise<unknown>): Promise<SalesforceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SalesforceError))
    throw new Error(`expected a SalesforceError, got ${String(error)}`);
  return error;
}

describe("queryPages", () => {
  test("streams 10,500 records page by page until done", async () => {
    const pages = await collect(queryPages(connect(), SOQL));
    expect(pages.map((p) => p.records.length)).toEqual([2000, 2000, 2000, 2000, 2000, 500]);
    expect(pages.map((p) => p.done)).toEqual([false, false, false, false, false, true]);
    expect(pages.every((p) => p.totalSize === PAGED)).toBe(true);
    expect(pages.at(-1)!.received).toBe(PAGED);
    const names = new Set(pages.flatMap((p) => p.records.map((r) => r.LastName)));
    expect(names.size).toBe(PAGED);
  });

  test("asks for smaller pages with batchSize", async () => {
    const pages = await collect(queryPages(connect(), SOQL, { batchSize: 500 }));
    expect(pages).toHaveLength(21);
  });

  test("reads deleted records with scanAll", async () => {
    const soql = "SELECT LastName, IsDeleted FROM Contact WHERE Department = 'Gone'";
    expect(await queryAllRecords(connect(), soql)).toEqual([]);
    expect(await queryAllRecords(connect(), soql, { scanAll: true })).toEqual([
      expect.objectContaining({ LastName: "Gone", IsDeleted: true }),
    ]);
  });

  test("fails when Salesforce reports done before every record arrived", async () => {
    sandbox.faults.failRequest(
      3,
      { status: 200, body: { totalSize: PAGED, done: true, records: [] } },
      "query",
    );
    const error = await failureOf(collect(queryPages(connect(), SOQL)));
    expect(error.code).toBe("truncated_result");
    expect(error.message).toBe(
      "Salesforce said 10500 records match but sent 4000 by the last page; nothing was changed. Run the sync again.",
    );
  });

  test("retries a page whose connection dropped mid-body, and gives up when told not to", async () => {
    sandbox.faults.cutConnection(2, "query", 0.5);
    const pages = await collect(queryPages(connect(), SOQL));
    expect(pages.at(-1)!.received).toBe(PAGED);

    sandbox.faults.cutConnection(2, "query", 0.5);
    const error = await failureOf(collect(queryPages(connect(0), SOQL)));
    expect(error.code).toBe("connection_dropped");
    expect(error.message).toMatch(
      /^The connection to Salesforce failed \(connection reset\) after 1 attempt\(s\)/,
    );
  });

  test("renews an expired session between pages and carries on", async () => {
    const connection = connect();
    let renewedAfter = 0;
    let received = 0;
    for await (const page of queryPages(connection, SOQL)) {
      received = page.received;
      if (received === 4000) {
        sandbox.faults.expireSessions();
        renewedAfter = received;
      }
    }
    expect(renewedAfter).toBe(4000);
    expect(received).toBe(PAGED);
  });

  test("maps Salesforce's query errors to messages an agent can act on", async () => {
    const cases = await Promise.all([
      failureOf(queryAllRecords(connect(), "SELECT Id, Region__c FROM Contact")),
      failureOf(queryAllRecords(connect(), "SELECT Id FROM AccountContactRelation")),
      failureOf(queryAllRecords(connect(), "SELECT Id, FROM Contact")),
    ]);
    expect(cases.map((e) => [e.code, e.subject])).toEqual([
      ["invalid_field", "Region__c"],
      ["invalid_object", "AccountContactRelation"],
      ["malformed_query", undefined],
    ]);
    expect(cases[0]!.message).toBe(
      "Salesforce rejected the field Region__c: it does not exist or is hidden from the integration user. " +
        "Check the field's API name and the integration user's field-level security.",
    );
    expect(cases[1]!.message).toContain(
      "exists only when Contacts to Multiple Accounts is turned on",
    );
    expect(cases[2]!.message).toBe("Salesforce could not read the query: unexpected token: 'FROM'");

    sandbox.faults.queryTimeout();
    expect((await failureOf(queryAllRecords(connect(), SOQL))).code).toBe("query_timeout");
  });

  test("caches describes per connection", async () => {
    const connection = connect();
    await connection.describes.object("Contact");
    const before = sandbox.stats.apiCalls;
    const [contact, again, relation] = await Promise.all([
      connection.describes.object("Contact"),
      connection.describes.object("contact"),
      connection.describes.object("AccountContactRelation"),
    ]);
    expect(contact).toBe(again);
    expect(contact!.fields.map((f) => f.name)).toContain("Email");
    expect(relation).toBeNull();
    expect(sandbox.stats.apiCalls).toBe(before + 1);
  });
});
