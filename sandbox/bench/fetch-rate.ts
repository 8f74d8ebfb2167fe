import jsforce from "jsforce";

import { DEFAULT_USER } from "../org/create-org";
import { startSandbox } from "../index";

export interface FetchRate {
  records: number;
  pages: number;
  seconds: number;
  /** Through jsforce: query, then queryMore page after page. */
  recordsPerSecond: number;
  /** Plain fetch and JSON.parse of the same pages: what the sandbox itself can serve. */
  rawRecordsPerSecond: number;
  setupSeconds: number;
}

export const BENCH_SOQL =
  "SELECT Id, FirstName, LastName, Email, Phone, MobilePhone, Title, MailingCountry, AccountId, " +
  "Account.Name, Account.ParentId, Contact_Roles__c, SystemModstamp FROM Contact";

/**
 * How fast jsforce pages through a generated org of `contacts` contacts over real HTTP, to show
 * the sandbox is not what limits a sync benchmark.
 */
export async function measureFetchRate(options: {
  contacts: number;
  latencyMs?: number;
}): Promise<FetchRate> {
  const setupStarted = performance.now();
  const sandbox = await startSandbox({
    generate: options.contacts,
    latencyMs: options.latencyMs ?? 0,
  });
  try {
    const conn = new jsforce.Connection({
      loginUrl: sandbox.loginUrl,
      version: "62.0",
      oauth2: {
        loginUrl: sandbox.loginUrl,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
      },
    });
    await conn.login(DEFAULT_USER.username, DEFAULT_USER.password + DEFAULT_USER.securityToken);
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const started = performance.now();
    let result = await conn.query(BENCH_SOQL);
    let records = result.records.length;
    let pages = 1;
    while (!result.done && result.nextRecordsUrl) {
      result = await conn.queryMore(result.nextRecordsUrl);
      records += result.records.length;
      pages += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    if (records !== result.totalSize)
      throw new Error(`Fetched ${records} of ${result.totalSize} records`);
    const rawSeconds = await fetchRaw(sandbox.instanceUrl, conn.accessToken!, records);
    return {
      records,
      pages,
      seconds,
      recordsPerSecond: Math.round(records / seconds),
      rawRecordsPerSecond: Math.round(records / rawSeconds),
      setupSeconds,
    };
  } finally {
    await sandbox.close();
  }
}

async function fetchRaw(instanceUrl: string, token: string, expected: number): Promise<number> {
  const started = performance.now();
  let url = `${instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent(BENCH_SOQL)}`;
  let received = 0;
  for (;;) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { records: unknown[]; nextRecordsUrl?: string };
    received += page.records.length;
    if (!page.nextRecordsUrl) break;
    url = `${instanceUrl}${page.nextRecordsUrl}`;
  }
  if (received !== expected)
    throw new Error(`Fetched ${received} of ${expected} records without jsforce`);
  return (performance.now() - started) / 1000;
}
