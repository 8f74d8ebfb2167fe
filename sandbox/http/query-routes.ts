import { ApiError } from "../errors";
import type { SfRecord } from "../org/values";
import { evaluateSoql } from "../soql/evaluate";
import { recordProjector } from "../soql/project";
import type { ApiRequest, SandboxContext } from "./context";
import type { Cursor, Project } from "./locators";
import { type Reply, json } from "./reply";

const MAX_BATCH = 2000;
const MIN_BATCH = 200;

/** `GET /query?q=` and `GET /queryAll?q=`: the first page, and a cursor when there are more. */
export function runQuery(ctx: SandboxContext, req: ApiRequest, scanAll: boolean): Reply {
  const soql = req.query.get("q");
  if (!soql) throw new ApiError(400, "MALFORMED_QUERY", "A query string has to be specified");
  const outcome = evaluateSoql(ctx.org, soql, { scanAll });
  if (outcome.aggregate)
    return json(200, { totalSize: 1, done: true, records: [outcome.aggregate] });
  if (outcome.plan.countOnly)
    return json(200, { totalSize: outcome.totalSize, done: true, records: [] });

  const batchSize = batchSizeOf(req) ?? MAX_BATCH;
  const project = recordProjector(ctx.org, outcome.plan, req.version);
  if (outcome.totalSize <= batchSize)
    return pageReply(outcome.totalSize, undefined, outcome.rows, project);
  const cursor = ctx.locators.open(outcome, project, batchSize);
  return page(req, cursor, 0, batchSize);
}

/** `GET /query/{locator}-{offset}`: a later page of an open cursor. */
export function nextPage(ctx: SandboxContext, req: ApiRequest, locator: string): Reply {
  const match = /^(.+)-(\d+)$/.exec(locator);
  const cursor = match ? ctx.locators.get(match[1]!) : undefined;
  const offset = match ? Number(match[2]) : NaN;
  if (!cursor || !(offset >= 0 && offset <= cursor.outcome.totalSize)) {
    throw new ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
  }
  return page(req, cursor, offset, batchSizeOf(req) ?? cursor.batchSize);
}

function page(req: ApiRequest, cursor: Cursor, offset: number, batchSize: number): Reply {
  const { rows, totalSize } = cursor.outcome;
  const end = Math.min(offset + batchSize, totalSize);
  const next =
    end < totalSize ? `/services/data/v${req.version}/query/${cursor.id}-${end}` : undefined;
  return pageReply(totalSize, next, rows.slice(offset, end), cursor.project);
}

function pageReply(
  totalSize: number,
  nextRecordsUrl: string | undefined,
  records: readonly SfRecord[],
  project: Project,
): Reply {
  const done = nextRecordsUrl === undefined;
  return json(200, {
    totalSize,
    done,
    ...(done ? {} : { nextRecordsUrl }),
    records: records.map(project),
  });
}

// `Sforce-Query-Options: batchSize=N` is a request: Salesforce keeps it between 200 and 2000.
function batchSizeOf(req: ApiRequest): number | undefined {
  const header = req.headers["sforce-query-options"];
  const value = /batchSize\s*=\s*(\d+)/i.exec(String(header ?? ""))?.[1];
  if (!value) return undefined;
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, Number(value)));
}
