import { ApiError, notFound } from "../errors";
import { COLUMN_DELIMITERS, csvWriter } from "../soql/csv";
import { compileQuery } from "../soql/compile";
import { runPlan } from "../soql/execute";
import { type BulkJob, jobInfo } from "./bulk-jobs";
import type { ApiRequest, SandboxContext } from "./context";
import { type Reply, json } from "./reply";

/** `POST /jobs/query`: checks the query at once, as Salesforce does, and queues the job. */
export function createQueryJob(ctx: SandboxContext, req: ApiRequest): Reply {
  const body = parseBody(req.body);
  const operation = body.operation ?? "query";
  if (operation !== "query" && operation !== "queryAll") {
    throw new ApiError(400, "INVALIDJOB", `Invalid operation: ${String(operation)}`);
  }
  if (typeof body.query !== "string") throw new ApiError(400, "INVALIDJOB", "A query is required");
  const columnDelimiter = body.columnDelimiter ?? "COMMA";
  const lineEnding = body.lineEnding ?? "LF";
  if (!COLUMN_DELIMITERS[columnDelimiter] || (lineEnding !== "LF" && lineEnding !== "CRLF")) {
    throw new ApiError(400, "INVALIDJOB", "Invalid columnDelimiter or lineEnding");
  }
  const plan = compileQuery(ctx.org, body.query, { scanAll: operation === "queryAll" });
  if (plan.countOnly || plan.aggregate || plan.offset) {
    throw new ApiError(
      400,
      "API_ERROR",
      "FeatureNotEnabled : Aggregate queries and OFFSET are not supported in Bulk Query",
    );
  }
  csvWriter(ctx.org, plan, ",", "\n");
  const job = ctx.bulkJobs.create({
    operation,
    object: plan.object,
    plan,
    createdById: req.session.userId,
    columnDelimiter,
    lineEnding,
    apiVersion: Number(req.version),
  });
  return json(200, jobInfo(job, false));
}

/**
 * `GET /jobs/query/{id}`: a job moves UploadComplete → InProgress → JobComplete (or Failed)
 * over successive checks, so clients really poll. The answer is computed on completion.
 */
export function checkQueryJob(ctx: SandboxContext, jobId: string): Reply {
  const job = requireJob(ctx, jobId);
  job.checks += 1;
  if (job.state === "UploadComplete") job.state = "InProgress";
  else if (job.state === "InProgress") complete(ctx, job);
  return json(200, jobInfo(job, true));
}

/** `GET /jobs/query/{id}/results?locator=&maxRecords=`: one CSV page and the next locator. */
export function queryJobResults(ctx: SandboxContext, req: ApiRequest, jobId: string): Reply {
  const job = requireJob(ctx, jobId);
  if (job.state !== "JobComplete" || !job.rows) {
    throw new ApiError(
      400,
      "API_ERROR",
      `Job ${job.id} is not complete: its state is ${job.state}`,
    );
  }
  const offset = decodeLocator(req.query.get("locator"));
  const maxRecords = Number(req.query.get("maxRecords") ?? ctx.config.bulkPageSize);
  if (!Number.isInteger(maxRecords) || maxRecords < 1) {
    throw new ApiError(400, "INVALIDREQUEST", "maxRecords must be a positive integer");
  }
  const end = Math.min(offset + maxRecords, job.rows.length);
  const write = csvWriter(
    ctx.org,
    job.plan,
    COLUMN_DELIMITERS[job.columnDelimiter]!,
    job.lineEnding === "CRLF" ? "\r\n" : "\n",
  );
  return {
    status: 200,
    contentType: "text/csv",
    body: write(job.rows.slice(offset, end)),
    headers: {
      "Sforce-Locator":
        end < job.rows.length ? Buffer.from(String(end)).toString("base64url") : "null",
      "Sforce-NumberOfRecords": String(end - offset),
    },
  };
}

export function abortQueryJob(ctx: SandboxContext, req: ApiRequest, jobId: string): Reply {
  const job = requireJob(ctx, jobId);
  if (parseBody(req.body).state !== "Aborted")
    throw new ApiError(400, "INVALIDJOB", "Only state Aborted can be set");
  if (job.state === "UploadComplete" || job.state === "InProgress") job.state = "Aborted";
  return json(200, jobInfo(job, false));
}

export function deleteQueryJob(ctx: SandboxContext, jobId: string): Reply {
  if (!ctx.bulkJobs.delete(jobId)) throw notFound();
  return { status: 204, body: "", contentType: "text/plain" };
}

export function listQueryJobs(ctx: SandboxContext): Reply {
  return json(200, {
    done: true,
    records: ctx.bulkJobs.all().map((j) => jobInfo(j, false)),
    nextRecordsUrl: null,
  });
}

function complete(ctx: SandboxContext, job: BulkJob): void {
  const failure = ctx.faults.takeBulkJobFailure();
  job.systemModstamp = Date.now();
  if (failure) {
    job.state = "Failed";
    job.errorMessage = failure;
    return;
  }
  job.rows = runPlan(ctx.org, job.plan);
  job.state = "JobComplete";
}

function requireJob(ctx: SandboxContext, jobId: string): BulkJob {
  const job = ctx.bulkJobs.get(jobId);
  if (!job) throw notFound();
  return job;
}

function decodeLocator(locator: string | null): number {
  if (!locator) return 0;
  const offset = Number(Buffer.from(locator, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0)
    throw new ApiError(400, "INVALIDREQUEST", "Invalid locator");
  return offset;
}

function parseBody(body: string): Record<string, string | undefined> {
  try {
    return JSON.parse(body || "{}") as Record<string, string | undefined>;
  } catch {
    throw new ApiError(400, "JSON_PARSER_ERROR", "The request body is not valid JSON");
  }
}
