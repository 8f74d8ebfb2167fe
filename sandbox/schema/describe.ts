import { describeField } from "./describe-field";
import type { ObjectSchema } from "./object-schema";
import type { OrgSchema } from "./org-schema";

type Json = Record<string, unknown>;

/** `GET /sobjects/{name}/describe`: the recorded describe when there is one, else built. */
export function describeSObject(schema: ObjectSchema, org: OrgSchema, urls: UrlRewriter): Json {
  const base = schema.describeBase ?? builtObject(schema);
  const extraChildren = org.settings.multiAccount
    ? schema.childRelationships
        .filter((c) => c.childObject === "AccountContactRelation")
        .map((c) => childRelationshipEntry(c.childObject, c.field, c.relationshipName))
    : [];
  const recorded = (base.childRelationships as Json[] | undefined) ?? [];
  return urls.rewrite({
    ...base,
    childRelationships: [...recorded, ...extraChildren],
    fields: schema.visibleFields().map((field) => field.describe ?? describeField(field)),
    urls: objectUrls(schema.name, base.urls as Json | undefined),
  });
}

/** `GET /sobjects`: the recorded global describe, with the org's own objects kept in step. */
export function describeGlobal(org: OrgSchema, urls: UrlRewriter): Json {
  const visible = org.visibleObjects();
  const recorded = (org.globalBase?.sobjects as Json[] | undefined) ?? [];
  const names = new Set(recorded.map((s) => String(s.name)));
  const added = visible.filter((s) => !names.has(s.name)).map(globalEntry);
  const hidden = new Set(["AccountContactRelation"].filter((name) => !org.get(name)));
  const sobjects = [...recorded.filter((s) => !hidden.has(String(s.name))), ...added].sort((a, b) =>
    String(a.name).localeCompare(String(b.name)),
  );
  return urls.rewrite({
    encoding: org.globalBase?.encoding ?? "UTF-8",
    maxBatchSize: org.globalBase?.maxBatchSize ?? 200,
    sobjects,
  });
}

/** Points recorded URLs at this sandbox and the requested API version. */
export class UrlRewriter {
  constructor(
    private readonly version: string,
    private readonly instanceUrl: string,
  ) {}

  rewrite(value: Json): Json {
    const text = JSON.stringify(value)
      .replace(/\/services\/data\/v[^/"]+\//g, `/services/data/v${this.version}/`)
      .replace(/https:\/\/[a-z0-9.-]+\.salesforce\.com/gi, this.instanceUrl);
    return JSON.parse(text) as Json;
  }
}

function objectUrls(name: string, recorded: Json | undefined): Json {
  const base = `/services/data/vxx.0/sobjects/${name}`;
  return (
    recorded ?? {
      compactLayouts: `${base}/describe/compactLayouts`,
      rowTemplate: `${base}/{ID}`,
      describe: `${base}/describe`,
      sobject: base,
    }
  );
}

function globalEntry(schema: ObjectSchema): Json {
  const entry = builtObject(schema);
  delete entry.actionOverrides;
  delete entry.childRelationships;
  return entry;
}

function builtObject(schema: ObjectSchema): Json {
  return {
    actionOverrides: [],
    activateable: false,
    childRelationships: [],
    createable: true,
    custom: false,
    customSetting: false,
    deletable: true,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isSubtype: false,
    keyPrefix: schema.keyPrefix,
    label: schema.label,
    labelPlural: schema.labelPlural,
    layoutable: true,
    mergeable: schema.name === "Contact" || schema.name === "Account",
    mruEnabled: false,
    name: schema.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: false,
    triggerable: true,
    undeletable: true,
    updateable: true,
    urls: objectUrls(schema.name, undefined),
  };
}

function childRelationshipEntry(
  childSObject: string,
  field: string,
  relationshipName: string,
): Json {
  return {
    cascadeDelete: true,
    childSObject,
    deprecatedAndHidden: false,
    field,
    junctionIdListNames: [],
    junctionReferenceTo: [],
    relationshipName,
    restrictedDelete: false,
  };
}
