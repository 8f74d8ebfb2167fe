import type { Condition, Query, ValueQueryCondition } from "soql-parser-js";

import type { SandboxOrg } from "../org/org";
import { type Predicate, comparison, includesPredicate, isLikeable } from "./comparisons";
import { type FieldPath, pathGetter } from "./fields";
import { type Key, keyOf, literalFor } from "./literal-values";
import { likeToRegExp, unescapeString } from "./literals";
import { firstOffset, queryError } from "./positions";

export type { Predicate } from "./comparisons";

export interface ConditionContext {
  org: SandboxOrg;
  soql: string;
  now: number;
  resolve: (field: string) => FieldPath;
  /** Runs a semi-join subquery and returns the values of its one selected field. */
  semiJoin: (query: Query) => Set<string>;
}

type AnyCondition = Condition & Partial<ValueQueryCondition> & Record<string, unknown>;

export function compileCondition(condition: Condition, ctx: ConditionContext): Predicate {
  const cond = condition as AnyCondition;
  if (typeof cond.field !== "string") {
    throw queryError(
      ctx.soql,
      0,
      "MALFORMED_QUERY",
      "The sandbox does not evaluate functions in WHERE",
    );
  }
  const path = ctx.resolve(cond.field);
  const field = path.field;
  const offset = firstOffset(ctx.soql, cond.field);
  if (!field.filterable) {
    throw queryError(
      ctx.soql,
      offset,
      "INVALID_FIELD",
      `field '${field.name}' can not be filtered in a query call`,
    );
  }
  const get = pathGetter(ctx.org, path);
  const operator = String(cond.operator).toUpperCase();

  if (cond.valueQuery) {
    const values = ctx.semiJoin(cond.valueQuery);
    const within: Predicate = (r) => values.has(String(get(r)));
    return operator === "NOT IN" ? (r) => !within(r) : within;
  }

  const raws = Array.isArray(cond.value) ? (cond.value as string[]) : [String(cond.value)];
  const types = Array.isArray(cond.literalType)
    ? cond.literalType
    : raws.map(() => cond.literalType);
  const dateN = cond.dateLiteralVariable as number | number[] | undefined;
  const literals = () =>
    raws.map((raw, i) =>
      literalFor(
        field,
        types[i] as string | undefined,
        raw,
        Array.isArray(dateN) ? dateN[i] : dateN,
        {
          soql: ctx.soql,
          fieldText: cond.field as string,
          now: ctx.now,
        },
      ),
    );
  const badOperator = (reason: string): never => {
    throw queryError(ctx.soql, offset, "INVALID_QUERY_FILTER_OPERATOR", reason);
  };

  switch (operator) {
    case "INCLUDES":
    case "EXCLUDES": {
      if (field.type !== "multipicklist") {
        return badOperator("includes or excludes operator only valid on multipicklist field");
      }
      const included = includesPredicate(
        get,
        raws.map((raw) => unescapeString(ctx.soql, raw)),
      );
      return operator === "INCLUDES" ? included : (r) => !included(r);
    }
    case "LIKE": {
      if (field.type === "multipicklist" || !isLikeable(field)) {
        return badOperator(`invalid operator on ${field.type} field: LIKE`);
      }
      const pattern = likeToRegExp(ctx.soql, raws[0]!);
      return (r) => {
        const v = get(r);
        return v !== null && pattern.test(String(v));
      };
    }
    case "IN":
    case "NOT IN": {
      const key = keyOf(field);
      const wanted = new Set<Key>();
      let withNull = false;
      for (const literal of literals()) {
        if (literal.kind === "null") withNull = true;
        else if (literal.kind === "value") wanted.add(literal.key);
      }
      const within: Predicate = (r) => {
        const v = get(r);
        return v === null ? withNull : wanted.has(key(v));
      };
      return operator === "IN" ? within : (r) => !within(r);
    }
    default:
      if (field.type === "multipicklist" && !["=", "!="].includes(operator)) {
        return badOperator(`invalid operator on multipicklist field: ${operator}`);
      }
      return comparison(operator, field, get, literals()[0]!);
  }
}
