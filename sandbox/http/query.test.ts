import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type Sandbox, startSandbox } from "../index";
import { passwordConnection } from "../test-support/jsforce";

type Conn = Awaited<ReturnType<typeof passwordConnection>>;

let sandbox: Sandbox;
let conn: Conn;
const PAGED = 10_500;

beforeAll(async () => {
  sandbox = await startSandbox({
    customFields: [
      {
        object: "Contact",
        name: "Contact_Roles__c",
        type: "multipicklist",
        picklistValues: ["Billing", "Primary", "Technical"],
      },
      { object: "Contact", name: "Region__c", type: "string", hidden: true },
    ],
    populate: (org) => {
      const top = org.insert("Account", { Name: "Globex Holdings" });
      const acme = org.insert("Account", { Name: "Acme", ParentId: top.Id });
      const names = ["O'Brien", "back\\slash", "100%", "100x", "under_score", "underXscore"];
      for (const name of names)
        org.insert("Contact", { LastName: name, AccountId: acme.Id, Department: "Escapes" });
      for (let i = 0; i < PAGED; i++)
        org.insert("Contact", {
          LastName: `Bulk ${String(i).padStart(5, "0")}`,
          Department: "Paged",
        });
    },
  });
  conn = await passwordConnection(sandbox);
});

afterAll(() => sandbox.close());

const quote = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
const likeQuote = (value: string) => quote(value).replace(/%/g, "\\%").replace(/_/g, "\\_");

async function lastNames(where: string): Promise<string[]> {
  const result = await conn.query<{ LastName: string }>(
    `SELECT LastName FROM Contact WHERE ${where} ORDER BY LastName`,
  );
  return result.records.map((r) => r.LastName);
}

describe("REST query through jsforce", () => {
  test("pages 10,500 records 2000 at a time and every one arrives", async () => {
    const pages: number[] = [];
    let result = await conn.query<{ LastName: string }>(
      "SELECT Id, LastName FROM Contact WHERE Department = 'Paged'",
    );
    const all = [...result.records];
    pages.push(result.records.length);
    expect(result.totalSize).toBe(PAGED);
    while (!result.done) {
      result = await conn.queryMore<{ LastName: string }>(result.nextRecordsUrl!);
      expect(result.totalSize).toBe(PAGED);
      pages.push(result.records.length);
      all.push(...result.records);
    }
    expect(pages).toEqual([2000, 2000, 2000, 2000, 2000, 500]);
    expect(new Set(all.map((r) => r.LastName)).size).toBe(PAGED);
  });

  test("autoFetch with a high maxFetch gets everything", async () => {
    const result = await conn
      .query("SELECT Id FROM Contact WHERE Department = 'Paged'")
      .run({ autoFetch: true, maxFetch: 20_000 });
    expect(result.records.length).toBe(PAGED);
    expect(result.done).toBe(true);
  });

  test("honours Sforce-Query-Options batchSize, clamped to 200", async () => {
    const response = await conn.request<{ records: unknown[]; nextRecordsUrl: string }>({
      method: "GET",
      url: `/query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE Department = 'Paged'")}`,
      headers: { "Sforce-Query-Options": "batchSize=50" },
    });
    expect(response.records.length).toBe(200);
    expect(response.nextRecordsUrl).toMatch(
      /^\/services\/data\/v62\.0\/query\/01g[0-9A-Za-z]{15}-200$/,
    );
  });

  test("values with quote, backslash, percent and underscore round-trip and match only themselves", async () => {
    for (const name of ["O'Brien", "back\\slash", "100%", "under_score"]) {
      expect(await lastNames(`LastName = ${quote(name)}`)).toEqual([name]);
    }
    expect(await lastNames(`LastName LIKE ${likeQuote("100%")}`)).toEqual(["100%"]);
    expect(await lastNames(`LastName LIKE ${likeQuote("under_").slice(0, -1)}%'`)).toEqual([
      "under_score",
    ]);
    expect(await lastNames("LastName LIKE '100%'")).toEqual(["100%", "100x"]);
    expect(await lastNames("LastName LIKE 'under_score'")).toEqual(["under_score", "underXscore"]);
    expect(await lastNames("LastName = 'o\\'BRIEN'")).toEqual(["O'Brien"]);
  });

  test("rejects an escape SOQL does not define", async () => {
    await expect(
      conn.query("SELECT Id FROM Contact WHERE LastName = '100\\%'"),
    ).rejects.toMatchObject({
      errorCode: "MALFORMED_QUERY",
      message: expect.stringContaining("Illegal character sequence '\\%'"),
    });
  });

  test("returns parent fields nested with attributes", async () => {
    const result = await conn.query<Record<string, unknown>>(
      "SELECT LastName, Account.Name, Account.Parent.Name FROM Contact WHERE LastName = 'O\\'Brien'",
    );
    const [record] = result.records;
    expect(record).toEqual({
      attributes: {
        type: "Contact",
        url: expect.stringMatching(/^\/services\/data\/v62\.0\/sobjects\/Contact\/003/),
      },
      LastName: "O'Brien",
      Account: {
        attributes: { type: "Account", url: expect.stringMatching(/\/sobjects\/Account\/001/) },
        Name: "Acme",
        Parent: {
          attributes: { type: "Account", url: expect.any(String) },
          Name: "Globex Holdings",
        },
      },
    });
  });

  test("queryAll shows deleted records that query hides", async () => {
    const gone = sandbox.org.insert("Contact", { LastName: "Deleted Once", Department: "Gone" });
    sandbox.org.delete("Contact", String(gone.Id));
    const soql = "SELECT Id, IsDeleted FROM Contact WHERE Department = 'Gone'";
    expect((await conn.query(soql)).totalSize).toBe(0);
    const all = await conn.query<{ Id: string; IsDeleted: boolean }>(soql, { scanAll: true });
    expect(all.records).toEqual([expect.objectContaining({ Id: gone.Id, IsDeleted: true })]);
  });

  test("counts with COUNT()", async () => {
    const result = await conn.query("SELECT COUNT() FROM Contact WHERE Department = 'Escapes'");
    expect(result.totalSize).toBe(6);
    expect(result.records).toEqual([]);
  });
});

describe("query errors in Salesforce's shape", () => {
  test("INVALID_FIELD names an unknown field and a hidden one alike", async () => {
    for (const field of ["Foo__c", "Region__c"]) {
      await expect(conn.query(`SELECT Id, ${field} FROM Contact`)).rejects.toMatchObject({
        errorCode: "INVALID_FIELD",
        message:
          `\nSELECT Id, ${field} FROM Contact\n           ^\nERROR at Row:1:Column:12\n` +
          `No such column '${field}' on entity 'Contact'. If you are attempting to use a custom field, ` +
          "be sure to append the '__c' after the custom field name. Please reference your WSDL or the " +
          "describe call for the appropriate names.",
      });
    }
  });

  test("MALFORMED_QUERY points at the unexpected token", async () => {
    await expect(conn.query("SELECT Id, FROM Contact")).rejects.toMatchObject({
      errorCode: "MALFORMED_QUERY",
      message:
        "\nSELECT Id, FROM Contact\n           ^\nERROR at Row:1:Column:12\nunexpected token: 'FROM'",
    });
    await expect(
      conn.query("SELECT Id FROM Contact WHERE LastName = 'a' AND Email = 'b' OR Title = 'c'"),
    ).rejects.toMatchObject({
      errorCode: "MALFORMED_QUERY",
      message: expect.stringContaining("unexpected token: 'OR'"),
    });
  });

  test("INVALID_TYPE for an object the org does not have", async () => {
    await expect(conn.query("SELECT Id FROM Invoice__c")).rejects.toMatchObject({
      errorCode: "INVALID_TYPE",
      message: expect.stringContaining("sObject type 'Invoice__c' is not supported."),
    });
  });
});
