import { makeId } from "../ids";
import { formatDateTime, type SfRecord } from "../org/values";
import type { QueryPlan } from "../soql/plan";

export type JobState = "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted";

export interface BulkJob {
  id: string;
  operation: "query" | "queryAll";
  object: string;
  plan: QueryPlan;
  createdById: string;
  createdDate: number;
  systemModstamp: number;
  state: JobState;
  checks: number;
  columnDelimiter: string;
  lineEnding: "LF" | "CRLF";
  apiVersion: number;
  errorMessage?: string;
  rows?: readonly SfRecord[];
}

const MAX_JOBS = 200;

/** Bulk API 2.0 query jobs; the oldest are forgotten beyond MAX_JOBS. */
export class BulkJobs {
  created = 0;
  private readonly jobs = new Map<string, BulkJob>();

  create(
    fields: Omit<BulkJob, "id" | "state" | "checks" | "createdDate" | "systemModstamp">,
  ): BulkJob {
    this.created += 1;
    const now = Date.now();
    const job: BulkJob = {
      ...fields,
      id: makeId("750", this.created),
      state: "UploadComplete",
      checks: 0,
      createdDate: now,
      systemModstamp: now,
    };
    this.jobs.set(job.id, job);
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }

  get(id: string): BulkJob | undefined {
    return this.jobs.get(id);
  }

  delete(id: string): boolean {
    return this.jobs.delete(id);
  }

  all(): BulkJob[] {
    return [...this.jobs.values()];
  }
}

export function jobInfo(job: BulkJob, detailed: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: formatDateTime(job.createdDate),
    systemModstamp: formatDateTime(job.systemModstamp),
    state: job.state,
    concurrencyMode: "Parallel",
    contentType: "CSV",
    apiVersion: job.apiVersion,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (!detailed) return info;
  return {
    ...info,
    jobType: "V2Query",
    numberRecordsProcessed: job.rows?.length ?? 0,
    retries: 0,
    totalProcessingTime: job.state === "JobComplete" ? 1 : 0,
    isPkChunkingSupported: true,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}
