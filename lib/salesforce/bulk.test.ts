import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { Sandbox } from "@/sandbox/index";

import { bulkQueryPages } from "./bulk";
import { createSalesforceConnection } from "./connection";
import { SalesforceError } from "./errors";
import { type QueryPage, type SalesforceRecord, queryAllRecords } from "./query";
import { clientCredentials, sandboxWith } from "./test-support";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await sandboxWith({ generate: { contacts: 2500, seed: 11 } });
});

afterAll(() => sandbox.close());

const connect = () => createSalesforceConnection(clientCredentials(sandbox));

async function collect(pages: AsyncIterable<QueryPage>) {
  const seen: QueryPage[] = [];
  for await (const page of pages) seen.push(page);
  return seen;
}

/** REST records without their `attributes`, which Bulk results cannot fully rebuild. */
function withoutAttributes(record: SalesforceRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "attributes") continue;
    out[key] =
      value && typeof value === "object" ? withoutAttributes(value as SalesforceRecord) : value;
  }
  return out;
}

describe("bulkQueryPages", () => {
  test("returns the records REST returns, typed and nested the same way, over several pages", async () => {
    const soql =
      "SELECT Id, FirstName, LastName, Email, Phone, IsDeleted, MailingCountry, Contact_Roles__c, " +
      "SystemModstamp, Account.Id, Account.Name, Account.Parent.Name, Account.Parent.Id FROM Contact ORDER BY Id";
    const connection = connect();
    const rest = await queryAllRecords(connection, soql);
    const pages = await collect(
      bulkQueryPages(connection, soql, {
        maxRecords: 1000,
        recordsPerPage: 1000,
        pollIntervalMs: 5,
      }),
    );

    expect(pages.map((p) => [p.records.length, p.done])).toEqual([
      [1000, false],
      [1000, false],
      [rest.length - 2000, true],
    ]);
    const bulk = pages.flatMap((p) => p.records);
    expect(bulk.map(withoutAttributes)).toEqual(rest.map(withoutAttributes));
    expect(bulk[0]!.attributes).toEqual(rest[0]!.attributes);
    // Fields in the order REST gives them, nested records included.
    const withAccount = rest.findIndex((r) => r.Account !== null);
    expect(Object.keys(bulk[withAccount]!)).toEqual(Object.keys(rest[withAccount]!));
    const fields = (record: unknown) =>
      Object.keys(record as object).filter((k) => k !== "attributes");
    expect(fields(bulk[withAccount]!.Account)).toEqual(fields(rest[withAccount]!.Account));
    expect(rest.some((r) => r.Account === null)).toBe(true);
    expect(bulk.find((r) => r.Email === null)).toBeDefined();
    expect(typeof bulk[0]!.IsDeleted).toBe("boolean");
    expect(bulk[0]!.SystemModstamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  test("hands a results page on in pieces, in order, fetching the next page meanwhile", async () => {
    const soql = "SELECT Id, LastName FROM Contact ORDER BY Id";
    const connection = connect();
    const rest = await queryAllRecords(connection, soql);
    const calls = sandbox.stats.apiCalls;
    const pages = await collect(
      bulkQueryPages(connection, soql, {
        maxRecords: 1000,
        recordsPerPage: 400,
        pollIntervalMs: 5,
      }),
    );

    const tail = rest.length - 2000;
    expect(pages.map((p) => [p.records.length, p.done, p.received])).toEqual([
      [400, false, 400],
      [400, false, 800],
      [200, false, 1000],
      [400, false, 1400],
      [400, false, 1800],
      [200, false, 2000],
      ...(tail > 400 ? [[400, false, 2400]] : []),
      [tail > 400 ? tail - 400 : tail, true, rest.length],
    ]);
    expect(pages.flatMap((p) => p.records).map((r) => r.Id)).toEqual(rest.map((r) => r.Id));
    // Create, two polls, the describe for column types, three results pages, delete: the pieces
    // cost no calls of their own.
    expect(sandbox.stats.apiCalls - calls).toBe(8);
  });

  test("reads deleted records with scanAll", async () => {
    const soql = "SELECT Id, MasterRecordId FROM Contact WHERE IsDeleted = true";
    const pages = await collect(
      bulkQueryPages(connect(), soql, { scanAll: true, pollIntervalMs: 5 }),
    );
    expect(pages[0]!.records.length).toBeGreaterThan(50);
    expect(pages[0]!.records.some((r) => typeof r.MasterRecordId === "string")).toBe(true);
  });

  test("fails with Salesforce's reason when the job fails", async () => {
    sandbox.faults.failNextBulkJob("InternalServerError: simulated outage");
    const error = await collect(
      bulkQueryPages(connect(), "SELECT Id FROM Contact", { pollIntervalMs: 5 }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SalesforceError);
    expect((error as SalesforceError).code).toBe("bulk_job_failed");
    expect((error as SalesforceError).message).toContain("InternalServerError: simulated outage");
  });
});
