import type { Condition, WhereClause } from "soql-parser-js";

import { type ConditionContext, type Predicate, compileCondition } from "./condition";
import { findWord, queryError } from "./positions";

type Token = "(" | ")" | "AND" | "OR" | "NOT" | { condition: Condition };

type Node = WhereClause & {
  left?:
    (Condition & { openParen?: number; closeParen?: number; field?: unknown; fn?: unknown }) | null;
  operator?: string;
  right?: WhereClause;
};

// soql-parser-js returns WHERE as a right-leaning chain with parentheses recorded as counts on
// the conditions, so the sandbox flattens it back into tokens and parses them with SOQL's rules:
// NOT binds tightest, and AND and OR may not be mixed without parentheses.
export function compileWhere(where: WhereClause | undefined, ctx: ConditionContext): Predicate {
  if (!where) return () => true;
  const tokens: Token[] = [];
  flatten(where as Node, tokens);
  let position = 0;
  const peek = () => tokens[position];
  const fail = (token: Token | undefined): never => {
    const text = token === undefined ? "<EOF>" : typeof token === "string" ? token : "condition";
    const at = typeof token === "string" ? (findWord(ctx.soql, token)[0] ?? 0) : ctx.soql.length;
    throw queryError(ctx.soql, at, "MALFORMED_QUERY", `unexpected token: '${text}'`);
  };

  const unary = (): Predicate => {
    const token = tokens[position++];
    if (token === "NOT") {
      const inner = unary();
      return (r) => !inner(r);
    }
    if (token === "(") {
      const inner = expression();
      if (tokens[position++] !== ")") fail(tokens[position - 1]);
      return inner;
    }
    if (token && typeof token === "object") return compileCondition(token.condition, ctx);
    return fail(token);
  };

  const expression = (): Predicate => {
    const parts = [unary()];
    let joiner: "AND" | "OR" | undefined;
    for (let next = peek(); next === "AND" || next === "OR"; next = peek()) {
      if (joiner && next !== joiner) fail(next);
      joiner = next;
      position++;
      parts.push(unary());
    }
    if (parts.length === 1) return parts[0]!;
    return joiner === "AND" ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
  };

  const predicate = expression();
  if (position < tokens.length) fail(tokens[position]);
  return predicate;
}

function flatten(node: Node, tokens: Token[]): void {
  const left = node.left;
  const isCondition = left && (left.field !== undefined || left.fn !== undefined);
  if (node.operator === "NOT" && !isCondition) {
    for (let i = 0; i < (left?.openParen ?? 0); i++) tokens.push("(");
    tokens.push("NOT");
    if (node.right) flatten(node.right as Node, tokens);
    return;
  }
  if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) tokens.push("(");
    tokens.push({ condition: left });
    for (let i = 0; i < (left.closeParen ?? 0); i++) tokens.push(")");
  }
  if (node.operator && node.right) {
    tokens.push(node.operator.toUpperCase() as "AND" | "OR");
    flatten(node.right as Node, tokens);
  }
}
