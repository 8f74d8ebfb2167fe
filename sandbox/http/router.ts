import { ApiError, limitExceeded, notFound, sessionInvalid } from "../errors";
import type { RequestKind } from "../faults";
import {
  abortQueryJob,
  checkQueryJob,
  createQueryJob,
  deleteQueryJob,
  listQueryJobs,
  queryJobResults,
} from "./bulk-routes";
import type { ApiRequest, SandboxContext, SandboxRequest } from "./context";
import { identity, issueToken, revokeToken } from "./oauth-routes";
import { nextPage, runQuery } from "./query-routes";
import { type Reply, errorReply } from "./reply";
import {
  globalDescribe,
  isServedVersion,
  limits,
  listResources,
  listVersions,
  objectDescribe,
  objectInfo,
  retrieveRecord,
} from "./rest-routes";

const DATA_PATH = /^\/services\/data\/v([^/]+)(\/.*)?$/;

/** The kinds a request counts as for planned faults. */
export function kindsOf(req: SandboxRequest): RequestKind[] {
  if (req.path.startsWith("/services/oauth2/")) return ["token"];
  if (req.path.startsWith("/id/")) return ["identity"];
  const rest = DATA_PATH.exec(req.path)?.[2] ?? "";
  if (/^\/query(All)?(\/|$)/.test(rest)) return ["api", "query"];
  if (rest.startsWith("/jobs/")) return ["api", "bulk"];
  return ["api"];
}

export function route(ctx: SandboxContext, req: SandboxRequest): Reply {
  const { method, path } = req;
  if (method === "POST" && path === "/services/oauth2/token") return issueToken(ctx, req);
  if (method === "POST" && path === "/services/oauth2/revoke") return revokeToken(ctx, req);
  const id = /^\/id\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (method === "GET" && id) return identity(ctx, req, id[1]!, id[2]!);
  if (method === "GET" && /^\/services\/data\/?$/.test(path)) return listVersions(ctx);
  const data = DATA_PATH.exec(path);
  if (data) return apiRoute(ctx, req, data[1]!, data[2] ?? "");
  throw notFound();
}

// Every authenticated call to the data API counts against the daily limit and reports the
// count in Sforce-Limit-Info, whatever its outcome.
function apiRoute(ctx: SandboxContext, req: SandboxRequest, version: string, rest: string): Reply {
  if (!isServedVersion(ctx, version)) throw notFound();
  const token = /^(?:Bearer|OAuth) (.+)$/i.exec(String(req.headers.authorization ?? ""))?.[1];
  const session = ctx.sessions.check(token);
  if (!session) throw sessionInvalid();

  let reply: Reply;
  if (ctx.usage.used >= ctx.usage.limit) {
    reply = errorReply(limitExceeded());
  } else {
    ctx.usage.used += 1;
    try {
      reply = dispatch(ctx, { ...req, version, rest, session });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = errorReply(error);
    }
  }
  const usage = `api-usage=${ctx.usage.used}/${ctx.usage.limit}`;
  return { ...reply, headers: { ...reply.headers, "Sforce-Limit-Info": usage } };
}

function dispatch(ctx: SandboxContext, req: ApiRequest): Reply {
  const { method, rest } = req;
  const get = method === "GET";
  const parts = rest.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = parts;

  if (get && parts.length === 0) return listResources(ctx, req);
  if (get && first === "limits" && parts.length === 1) return limits(ctx);
  if (get && first === "sobjects") {
    if (parts.length === 1) return globalDescribe(ctx, req);
    if (parts.length === 2) return objectInfo(ctx, req, second!);
    if (parts.length === 3 && third === "describe") return objectDescribe(ctx, req, second!);
    if (parts.length === 3) return retrieveRecord(ctx, req, second!, third!);
  }
  if (get && (first === "query" || first === "queryAll")) {
    if (parts.length === 1) return runQuery(ctx, req, first === "queryAll");
    if (parts.length === 2) return nextPage(ctx, req, second!);
  }
  if (first === "jobs" && second === "query") {
    if (parts.length === 2 && method === "POST") return createQueryJob(ctx, req);
    if (parts.length === 2 && get) return listQueryJobs(ctx);
    if (parts.length === 3 && get) return checkQueryJob(ctx, third!);
    if (parts.length === 3 && method === "PATCH") return abortQueryJob(ctx, req, third!);
    if (parts.length === 3 && method === "DELETE") return deleteQueryJob(ctx, third!);
    if (parts.length === 4 && get && fourth === "results") return queryJobResults(ctx, req, third!);
  }
  throw notFound();
}
