import "server-only";

import type { SalesforceConnection } from "./connection";
import { SalesforceError } from "./errors";

/** A record as the REST API returns it: fields by API name, parents nested or null. */
export type SalesforceRecord = {
  attributes?: { type: string; url?: string };
  [field: string]: unknown;
};

export interface QueryPage {
  records: SalesforceRecord[];
  totalSize: number;
  done: boolean;
  /** Records received so far, this page included. */
  received: number;
}

export interface QueryOptions {
  /** queryAll: include deleted and merged records. */
  scanAll?: boolean;
  /** Records per page, 200 to 2000 (Sforce-Query-Options: batchSize). */
  batchSize?: number;
}

interface RestPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SalesforceRecord[];
}

/**
 * Yields the pages of a query as they arrive. Only `done: true` ends it, and the records
 * received must add up to `totalSize`, so a cut-short fetch fails instead of passing for a
 * small org. While the caller handles one page the next is already on its way.
 */
export async function* queryPages(
  connection: SalesforceConnection,
  soql: string,
  options: QueryOptions = {},
): AsyncGenerator<QueryPage> {
  const headers: Record<string, string> = options.batchSize
    ? { "Sforce-Query-Options": `batchSize=${options.batchSize}` }
    : {};
  const fetchPage = (path: string) => connection.requestJson<RestPage>(path, { headers });
  const first = `/${options.scanAll ? "queryAll" : "query"}?q=${encodeURIComponent(soql)}`;

  let pending: Promise<RestPage> | undefined = fetchPage(first);
  let received = 0;
  while (pending) {
    const page: RestPage = await pending;
    pending = undefined;
    received += page.records.length;
    if (!page.done) {
      if (!page.nextRecordsUrl)
        throw truncated(page.totalSize, received, "a page without a link to the next one");
      pending = fetchPage(page.nextRecordsUrl);
      pending.catch(() => undefined);
    } else if (received !== page.totalSize) {
      throw truncated(page.totalSize, received, "the last page");
    }
    yield { records: page.records, totalSize: page.totalSize, done: page.done, received };
  }
}

/** Every record of a query; for small answers such as previews of a few hundred rows. */
export async function queryAllRecords(
  connection: SalesforceConnection,
  soql: string,
  options: QueryOptions = {},
): Promise<SalesforceRecord[]> {
  const records: SalesforceRecord[] = [];
  for await (const page of queryPages(connection, soql, options)) records.push(...page.records);
  return records;
}

export function truncated(totalSize: number, received: number, where: string): SalesforceError {
  return new SalesforceError(
    "truncated_result",
    `Salesforce said ${totalSize} records match but sent ${received} by ${where}; nothing was changed. Run the sync again.`,
  );
}
