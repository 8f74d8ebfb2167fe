import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type Sandbox, startSandbox } from "../index";
import { passwordConnection } from "../test-support/jsforce";

type Conn = Awaited<ReturnType<typeof passwordConnection>>;

let sandbox: Sandbox;
let conn: Conn;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    populate: (org) => {
      const acme = org.insert("Account", { Name: 'Acme "Quoted", Inc.' });
      org.insert("Contact", {
        FirstName: "Zoë",
        LastName: "Müller",
        Email: "zoe@acme.example",
        AccountId: acme.Id,
      });
      org.insert("Contact", {
        LastName: "O'Brien",
        AccountId: acme.Id,
        HomePhone: "020 7946 0958",
      });
      org.insert("Contact", { LastName: "山田" });
      for (let i = 0; i < 25; i++)
        org.insert("Contact", { LastName: `Paged ${i}`, Department: "Paged" });
    },
  });
  conn = await passwordConnection(sandbox);
  conn.bulk2.pollInterval = 10;
  token = conn.accessToken!;
});

afterAll(() => sandbox.close());

function collect(stream: NodeJS.EventEmitter): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const records: Record<string, string>[] = [];
    stream.on("record", (record: Record<string, string>) => records.push(record));
    stream.on("end", () => resolve(records));
    stream.on("error", reject);
  });
}

async function api(path: string, init: RequestInit = {}) {
  const response = await fetch(`${sandbox.instanceUrl}/services/data/v62.0${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  return response;
}

describe("Bulk API 2.0 query", () => {
  test("returns through jsforce the same records REST returns, nulls as empty values", async () => {
    const soql =
      "SELECT Id, LastName, Email, HomePhone, Account.Name FROM Contact WHERE Department = null ORDER BY LastName";
    type Row = { Id: string; LastName: string; Email: string | null; HomePhone: string | null };
    const rest = await conn.query<Row & { Account: { Name: string } | null }>(soql);
    const bulk = await collect(await conn.bulk2.query(soql));
    expect(bulk.map((r) => r.LastName)).toEqual(["Müller", "O'Brien", "山田"]);
    expect(bulk).toEqual(
      rest.records.map((r) => ({
        Id: r.Id,
        LastName: r.LastName,
        Email: r.Email ?? "",
        HomePhone: r.HomePhone ?? "",
        "Account.Name": r.Account?.Name ?? "",
      })),
    );
    expect(bulk[0]!["Account.Name"]).toBe('Acme "Quoted", Inc.');
  });

  test("moves through UploadComplete, InProgress and JobComplete, and pages CSV by locator", async () => {
    const created = await api("/jobs/query", {
      method: "POST",
      body: JSON.stringify({
        operation: "query",
        query: "SELECT LastName FROM Contact WHERE Department = 'Paged'",
      }),
    });
    const job = (await created.json()) as { id: string; state: string; object: string };
    expect(job).toMatchObject({
      state: "UploadComplete",
      object: "Contact",
      contentType: "CSV",
      apiVersion: 62,
    });
    expect(job.id).toBe("7505g0000000002AAA");
    const states = [];
    for (let i = 0; i < 2; i++)
      states.push(((await (await api(`/jobs/query/${job.id}`)).json()) as { state: string }).state);
    expect(states).toEqual(["InProgress", "JobComplete"]);

    const pages: { locator: string | null; count: string | null; body: string }[] = [];
    let locator = "";
    do {
      const query = `maxRecords=10${locator ? `&locator=${locator}` : ""}`;
      const response = await api(`/jobs/query/${job.id}/results?${query}`);
      locator = response.headers.get("sforce-locator")!;
      pages.push({
        locator,
        count: response.headers.get("sforce-numberofrecords"),
        body: await response.text(),
      });
    } while (locator !== "null");
    expect(pages.map((p) => [p.locator, p.count])).toEqual([
      ["MTA", "10"],
      ["MjA", "10"],
      ["null", "5"],
    ]);
    expect(pages[2]!.body).toBe(
      '"LastName"\n"Paged 20"\n"Paged 21"\n"Paged 22"\n"Paged 23"\n"Paged 24"\n',
    );
  });

  test("a job failed on demand makes jsforce report the failure", async () => {
    sandbox.faults.failNextBulkJob("InternalServerError: simulated");
    await expect(conn.bulk2.query("SELECT Id FROM Contact")).rejects.toThrow(
      "Query job failed to complete",
    );
  });

  test("rejects an invalid query when the job is created", async () => {
    const response = await api("/jobs/query", {
      method: "POST",
      body: JSON.stringify({ operation: "query", query: "SELECT Nope__c FROM Contact" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      expect.objectContaining({ errorCode: "INVALID_FIELD" }),
    ]);
  });
});
