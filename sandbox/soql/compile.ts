import type { Query } from "soql-parser-js";

import type { SandboxOrg } from "../org/org";
import type { ConditionContext } from "./condition";
import { runPlan } from "./execute";
import { type FieldPath, resolvePath, unsupportedObject } from "./fields";
import { compileOrder } from "./order";
import { parseSoql } from "./parse";
import type { QueryPlan } from "./plan";
import { firstOffset, queryError } from "./positions";
import { checkSelects, selectItem } from "./select";
import { compileWhere } from "./where";

const MAX_OFFSET = 2000;

export function compileQuery(
  org: SandboxOrg,
  soql: string,
  options: { scanAll: boolean },
): QueryPlan {
  const query = parseSoql(soql);
  if (!query.sObject)
    throw queryError(soql, soql.length, "MALFORMED_QUERY", "unexpected token: <EOF>");
  const schema = org.schema.get(query.sObject);
  if (!schema) {
    throw queryError(
      soql,
      firstOffset(soql, query.sObject),
      "INVALID_TYPE",
      unsupportedObject(query.sObject),
    );
  }
  return planFor(org, soql, query, schema.name, options.scanAll);
}

function planFor(
  org: SandboxOrg,
  soql: string,
  query: Query,
  object: string,
  scanAll: boolean,
): QueryPlan {
  refuseUnsupported(soql, query);
  const prefixes = [object.toLowerCase(), query.sObjectAlias?.toLowerCase()].filter(Boolean);
  const resolve = (raw: string): FieldPath => {
    const parts = raw.split(".");
    const local =
      parts.length > 1 && prefixes.includes(parts[0]!.toLowerCase()) ? parts.slice(1) : parts;
    return resolvePath(org, object, local.join("."), soql);
  };
  const ctx: ConditionContext = {
    org,
    soql,
    now: org.clock.now(),
    resolve,
    semiJoin: (inner) => semiJoin(org, soql, inner),
  };

  const planChild = (child: Query, childObject: string) =>
    planFor(org, soql, child, childObject, scanAll);
  const selects = (query.fields ?? []).map((field, i) =>
    selectItem(field, i, { org, soql, object, resolve, planChild }),
  );
  checkSelects(soql, selects);
  if (query.offset !== undefined && query.offset > MAX_OFFSET) {
    throw queryError(
      soql,
      firstOffset(soql, "OFFSET"),
      "NUMBER_OUTSIDE_VALID_RANGE",
      `Maximum SOQL offset allowed is ${MAX_OFFSET}`,
    );
  }
  const countOnly =
    selects.length === 1 &&
    selects[0]!.kind === "aggregate" &&
    !selects[0]!.path &&
    selects[0]!.alias === "";
  return {
    object,
    selects,
    countOnly,
    aggregate: !countOnly && selects.some((s) => s.kind === "aggregate"),
    where: compileWhere(query.where, ctx),
    sort: compileOrder(query.orderBy, { org, soql, resolve }),
    limit: query.limit,
    offset: query.offset ?? 0,
    scanAll,
  };
}

// Known limit: GROUP BY, HAVING, TYPEOF, FOR VIEW/UPDATE, USING SCOPE and WITH DATA CATEGORY are
// refused with MALFORMED_QUERY rather than evaluated.
function refuseUnsupported(soql: string, query: Query): void {
  const clauses: [unknown, string][] = [
    [query.groupBy, "GROUP BY"],
    [query.having, "HAVING"],
    [query.for, "FOR"],
    [query.usingScope, "USING SCOPE"],
    [query.withDataCategory, "WITH DATA CATEGORY"],
  ];
  for (const [present, name] of clauses) {
    if (present) {
      throw queryError(
        soql,
        firstOffset(soql, name.split(" ")[0]!),
        "MALFORMED_QUERY",
        `The sandbox does not evaluate ${name}`,
      );
    }
  }
}

function semiJoin(org: SandboxOrg, soql: string, inner: Query): Set<string> {
  const schema = inner.sObject ? org.schema.get(inner.sObject) : undefined;
  if (!schema) {
    throw queryError(
      soql,
      firstOffset(soql, inner.sObject ?? "SELECT"),
      "INVALID_TYPE",
      unsupportedObject(inner.sObject ?? ""),
    );
  }
  const plan = planFor(org, soql, inner, schema.name, false);
  const [only] = plan.selects;
  if (plan.selects.length !== 1 || only?.kind !== "field") {
    throw queryError(
      soql,
      firstOffset(soql, "SELECT"),
      "MALFORMED_QUERY",
      "A semi-join subquery selects exactly one Id field",
    );
  }
  const name = only.path.field.name;
  const values = new Set<string>();
  for (const record of runPlan(org, plan)) {
    const value = record[name];
    if (typeof value === "string") values.add(value);
  }
  return values;
}
