import type { Query, FieldType as SelectField } from "soql-parser-js";

import type { SandboxOrg } from "../org/org";
import type { FieldPath } from "./fields";
import type { QueryPlan, SelectItem } from "./plan";
import { firstOffset, queryError } from "./positions";

export interface SelectContext {
  org: SandboxOrg;
  soql: string;
  object: string;
  resolve: (raw: string) => FieldPath;
  /** Plans a child relationship subquery on the child object. */
  planChild: (query: Query, childObject: string) => QueryPlan;
}

/** One item of the SELECT list, checked against the schema. */
export function selectItem(field: SelectField, index: number, ctx: SelectContext): SelectItem {
  const { org, soql, object, resolve } = ctx;
  switch (field.type) {
    case "Field":
      return { kind: "field", path: resolve(field.field) };
    case "FieldRelationship":
      return { kind: "field", path: resolve([...field.relationships, field.field].join(".")) };
    case "FieldFunctionExpression": {
      if (field.functionName.toUpperCase() !== "COUNT") break;
      const [param] = field.parameters;
      if (param === undefined) return { kind: "aggregate", alias: "" };
      if (typeof param !== "string") break;
      return { kind: "aggregate", alias: field.alias ?? `expr${index}`, path: resolve(param) };
    }
    case "FieldSubquery": {
      const name = field.subquery.relationshipName;
      const child = org.schema.get(object)?.childRelationship(name);
      if (!child || !org.schema.get(child.childObject)) {
        throw queryError(soql, firstOffset(soql, name), "INVALID_TYPE", notUnderstoodChild(name));
      }
      return {
        kind: "children",
        relationshipName: child.relationshipName,
        childObject: child.childObject,
        parentField: child.field,
        plan: ctx.planChild(field.subquery, child.childObject),
      };
    }
  }
  const text = "rawValue" in field && field.rawValue ? field.rawValue : field.type;
  throw queryError(
    soql,
    Math.max(0, soql.indexOf(text)),
    "MALFORMED_QUERY",
    `The sandbox does not evaluate ${text} in SELECT`,
  );
}

export function checkSelects(soql: string, selects: SelectItem[]): void {
  const seen = new Set<string>();
  for (const item of selects) {
    if (item.kind !== "field") continue;
    const key = item.path.canonical.toLowerCase();
    if (seen.has(key)) {
      throw queryError(
        soql,
        firstOffset(soql, item.path.canonical),
        "MALFORMED_QUERY",
        `duplicate field selected: ${item.path.canonical}`,
      );
    }
    seen.add(key);
  }
  const aggregates = selects.filter((s) => s.kind === "aggregate");
  const plain = selects.find((s) => s.kind !== "aggregate");
  if (aggregates.length > 0 && plain) {
    const name = plain.kind === "field" ? plain.path.canonical : plain.relationshipName;
    throw queryError(
      soql,
      firstOffset(soql, name),
      "MALFORMED_QUERY",
      `Field must be grouped or aggregated: ${name}`,
    );
  }
  if (aggregates.some((a) => a.alias === "") && aggregates.length > 1) {
    throw queryError(
      soql,
      firstOffset(soql, "COUNT"),
      "MALFORMED_QUERY",
      "COUNT() must be the only element in the SELECT list",
    );
  }
}

function notUnderstoodChild(name: string): string {
  return (
    `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting ` +
    "to use a custom relationship, be sure to append the '__r' after the custom relationship " +
    "name. Please reference your WSDL or the describe call for the appropriate names."
  );
}
