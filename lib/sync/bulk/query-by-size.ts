import "server-only";
import {
  bulkQueryPages,
  queryPages,
  SalesforceError,
  type SalesforceConnection,
} from "@/lib/salesforce";
import type { QueryPage } from "@/lib/sync/source";

/** Above this many records a sync query goes through Bulk API 2.0 instead of REST pages. */
export const DEFAULT_BULK_THRESHOLD = 10_000;

export type SizeOptions = {
  /** Records above which Bulk API 2.0 is used; Infinity keeps every query on REST. */
  bulkThreshold: number;
  bulkPollIntervalMs?: number;
  onTransport?: (transport: "rest" | "bulk", soql: string, count: number | null) => void;
};

/** The same query as `SELECT COUNT()`: one call that answers with totalSize only. */
export function countQueryOf(soql: string): string {
  return soql.replace(/^\s*SELECT\s[\s\S]+?\sFROM\s/i, "SELECT COUNT() FROM ");
}

/**
 * A sync query over REST, or over Bulk API 2.0 when a `SELECT COUNT()` says it matches more
 * than the threshold: Bulk answers 50,000 records per call where REST pages hold 2,000. When
 * Bulk refuses the query (it cannot return compound address fields or base64 files) the same
 * query runs over REST, so the records, and the People made from them, are the same either way.
 */
export async function* queryBySize(
  connection: SalesforceConnection,
  soql: string,
  options: SizeOptions,
): AsyncGenerator<QueryPage> {
  const count = Number.isFinite(options.bulkThreshold)
    ? await countRecords(connection, soql)
    : null;
  if (count !== null && count > options.bulkThreshold) {
    const bulk = bulkQueryPages(connection, soql, { pollIntervalMs: options.bulkPollIntervalMs });
    const first = await bulk.next().catch((error: unknown) => {
      if (isRefusedByBulk(error)) return null;
      throw error;
    });
    if (first) {
      options.onTransport?.("bulk", soql, count);
      if (first.done) return;
      try {
        yield first.value;
        yield* bulk;
      } finally {
        // A reader that stops early still has the job deleted.
        await bulk.return(undefined);
      }
      return;
    }
  }
  options.onTransport?.("rest", soql, count);
  yield* queryPages(connection, soql);
}

async function countRecords(connection: SalesforceConnection, soql: string): Promise<number> {
  const answer = await connection.requestJson<{ totalSize: number }>(
    `/query?q=${encodeURIComponent(countQueryOf(soql))}`,
  );
  return answer.totalSize;
}

// Bulk refuses what it cannot serialise to CSV when the job is created (400, FeatureNotEnabled
// or similar); a failed job, a lost session or the API limit are real failures.
function isRefusedByBulk(error: unknown): boolean {
  return error instanceof SalesforceError && error.status === 400 && error.code !== "request_limit";
}
