import { notFound } from "../errors";
import { formatValue } from "../soql/project";
import { UrlRewriter, describeGlobal, describeSObject } from "../schema/describe";
import type { ApiRequest, SandboxContext } from "./context";
import { type Reply, json } from "./reply";

const MIN_VERSION = 31;
const SEASONS = ["Winter", "Spring", "Summer"];

/** `GET /services/data`: the API versions this org serves, as Salesforce lists them. */
export function listVersions(ctx: SandboxContext): Reply {
  const versions = [];
  for (let v = MIN_VERSION; v <= ctx.config.maxApiVersion; v++) {
    const season = SEASONS[(v - 20) % 3];
    const year = String(11 + Math.floor((v - 20) / 3)).padStart(2, "0");
    versions.push({
      label: `${season} '${year}`,
      url: `/services/data/v${v}.0`,
      version: `${v}.0`,
    });
  }
  return json(200, versions);
}

export function isServedVersion(ctx: SandboxContext, version: string): boolean {
  const major = Number(/^(\d+)\.0$/.exec(version)?.[1]);
  return major >= 20 && major <= ctx.config.maxApiVersion;
}

/** `GET /services/data/vNN.0`: the resources of one version. */
export function listResources(ctx: SandboxContext, req: ApiRequest): Reply {
  const base = `/services/data/v${req.version}`;
  return json(200, {
    sobjects: `${base}/sobjects`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    limits: `${base}/limits`,
    jobs: `${base}/jobs`,
    identity: `${ctx.urls.loginUrl}/id/${ctx.org.orgId}/${req.session.userId}`,
  });
}

export function globalDescribe(ctx: SandboxContext, req: ApiRequest): Reply {
  return json(200, describeGlobal(ctx.org.schema, rewriter(ctx, req)));
}

export function objectDescribe(ctx: SandboxContext, req: ApiRequest, name: string): Reply {
  const schema = ctx.org.schema.get(name);
  if (!schema) throw notFound();
  return json(200, describeSObject(schema, ctx.org.schema, rewriter(ctx, req)));
}

/** `GET /sobjects/{name}`: the object's summary and no recent items. */
export function objectInfo(ctx: SandboxContext, req: ApiRequest, name: string): Reply {
  const schema = ctx.org.schema.get(name);
  if (!schema) throw notFound();
  const objectDescribe = describeSObject(schema, ctx.org.schema, rewriter(ctx, req));
  delete objectDescribe.fields;
  delete objectDescribe.childRelationships;
  return json(200, { objectDescribe, recentItems: [] });
}

/** `GET /sobjects/{name}/{id}`: one record with every visible field, or the `fields` asked. */
export function retrieveRecord(
  ctx: SandboxContext,
  req: ApiRequest,
  name: string,
  id: string,
): Reply {
  const schema = ctx.org.schema.get(name);
  const found = schema && ctx.org.find(id);
  if (!schema || !found || found.object !== schema.name || found.record.IsDeleted) throw notFound();
  const wanted = req.query
    .get("fields")
    ?.split(",")
    .map((f) => f.trim().toLowerCase());
  const fields = schema
    .visibleFields()
    .filter((f) => !wanted || wanted.includes(f.name.toLowerCase()));
  const body: Record<string, unknown> = {
    attributes: {
      type: schema.name,
      url: `/services/data/v${req.version}/sobjects/${schema.name}/${id}`,
    },
  };
  for (const field of fields) body[field.name] = formatValue(field, found.record);
  return json(200, body);
}

export function limits(ctx: SandboxContext): Reply {
  const { used, limit } = ctx.usage;
  const remaining = Math.max(0, limit - used);
  return json(200, {
    DailyApiRequests: { Max: limit, Remaining: remaining },
    DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 - ctx.bulkJobs.created },
    DailyBulkV2QueryFileStorageMB: { Max: 976562, Remaining: 976562 },
    ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
  });
}

function rewriter(ctx: SandboxContext, req: ApiRequest): UrlRewriter {
  return new UrlRewriter(req.version, ctx.urls.instanceUrl);
}
