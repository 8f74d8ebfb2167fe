import "server-only";

import { csvRecordBuilder } from "./bulk-records";
import type { SalesforceConnection } from "./connection";
import { SalesforceError } from "./errors";
import { parseCsv } from "./csv";
import { type QueryPage, truncated } from "./query";

export interface BulkQueryOptions {
  scanAll?: boolean;
  /** Records per results page. */
  maxRecords?: number;
  pollIntervalMs?: number;
  /** How long the job may take before the query fails. */
  timeoutMs?: number;
}

interface JobInfo {
  id: string;
  object: string;
  state: "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted";
  numberRecordsProcessed?: number;
  errorMessage?: string;
}

/**
 * A large query through Bulk API 2.0, yielding the same record shape and page type as
 * `queryPages`. Results are paged here by Sforce-Locator rather than through jsforce's
 * bulk2.query, which fails with "write after end" as soon as a result spans two pages.
 */
export async function* bulkQueryPages(
  connection: SalesforceConnection,
  soql: string,
  options: BulkQueryOptions = {},
): AsyncGenerator<QueryPage> {
  const created = await connection.requestJson<JobInfo>("/jobs/query", {
    method: "POST",
    body: { operation: options.scanAll ? "queryAll" : "query", query: soql },
  });
  try {
    const job = await waitForJob(connection, created.id, options);
    const totalSize = job.numberRecordsProcessed ?? 0;
    const maxRecords = options.maxRecords ?? 50_000;
    let build: ((row: string[]) => QueryPage["records"][number]) | undefined;
    let locator: string | null = null;
    let received = 0;
    do {
      const query = `maxRecords=${maxRecords}${locator ? `&locator=${encodeURIComponent(locator)}` : ""}`;
      const response = await connection.request(`/jobs/query/${job.id}/results?${query}`, {
        headers: { accept: "text/csv" },
      });
      if (response.status >= 400) throw connection.failure(response);
      const [header = [], ...rows] = parseCsv(response.text);
      build ??= await csvRecordBuilder(connection, job.object, header);
      const records = rows.map(build);
      received += records.length;
      locator = response.headers.get("sforce-locator");
      const done = locator === null || locator === "null";
      if (done && received !== totalSize)
        throw truncated(totalSize, received, "the last results page");
      yield { records, totalSize, done, received };
      if (done) break;
    } while (locator);
  } finally {
    await connection
      .request(`/jobs/query/${created.id}`, { method: "DELETE" })
      .catch(() => undefined);
  }
}

async function waitForJob(
  connection: SalesforceConnection,
  id: string,
  options: BulkQueryOptions,
): Promise<JobInfo> {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  for (;;) {
    const job = await connection.requestJson<JobInfo>(`/jobs/query/${id}`);
    if (job.state === "JobComplete") return job;
    if (job.state === "Failed" || job.state === "Aborted") {
      throw new SalesforceError(
        "bulk_job_failed",
        `Salesforce could not finish the Bulk API query (job ${id}, ${job.state}): ${job.errorMessage ?? "no reason given"}.`,
      );
    }
    if (Date.now() > deadline) {
      throw new SalesforceError(
        "bulk_job_failed",
        `The Bulk API query job ${id} did not finish in time; it was still ${job.state}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 1000));
  }
}
