import type { Scalar, SfRecord } from "../org/values";
import type { FieldDef } from "../schema/field-def";
import { type DateRange, dateToMillis } from "./date-literals";
import { type Key, type Literal, keyOf } from "./literal-values";

export type Predicate = (record: SfRecord) => boolean;

export function comparison(
  operator: string,
  field: FieldDef,
  get: (r: SfRecord) => Scalar,
  literal: Literal,
): Predicate {
  if (literal.kind === "null") {
    if (operator === "=") return (r) => get(r) === null;
    if (operator === "!=") return (r) => get(r) !== null;
    return () => false;
  }
  if (literal.kind === "range") return rangeComparison(operator, field, get, literal.range);
  const key = keyOf(field);
  const target = literal.key;
  const present = (r: SfRecord): Key | null => {
    const v = get(r);
    return v === null ? null : key(v);
  };
  switch (operator) {
    case "=":
      return (r) => present(r) === target;
    case "!=":
      return (r) => present(r) !== target;
    case "<":
      return (r) => ordered(present(r), (v) => v < target);
    case "<=":
      return (r) => ordered(present(r), (v) => v <= target);
    case ">":
      return (r) => ordered(present(r), (v) => v > target);
    default:
      return (r) => ordered(present(r), (v) => v >= target);
  }
}

function rangeComparison(
  operator: string,
  field: FieldDef,
  get: (r: SfRecord) => Scalar,
  { start, end }: DateRange,
): Predicate {
  const ms = (r: SfRecord): number | null => {
    const v = get(r);
    if (v === null) return null;
    return field.type === "date" ? dateToMillis(String(v)) : Number(v);
  };
  const test = (r: SfRecord, check: (v: number) => boolean) => {
    const v = ms(r);
    return v !== null && check(v);
  };
  switch (operator) {
    case "=":
      return (r) => test(r, (v) => v >= start && v < end);
    case "!=":
      return (r) => !test(r, (v) => v >= start && v < end);
    case "<":
      return (r) => test(r, (v) => v < start);
    case "<=":
      return (r) => test(r, (v) => v < end);
    case ">":
      return (r) => test(r, (v) => v >= end);
    default:
      return (r) => test(r, (v) => v >= start);
  }
}

// `;` inside one value means all of these; the values of the list are alternatives.
export function includesPredicate(get: (r: SfRecord) => Scalar, values: string[]): Predicate {
  const alternatives = values.map((value) =>
    value
      .split(";")
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  );
  return (r) => {
    const v = get(r);
    if (v === null) return false;
    const selected = new Set(String(v).toLowerCase().split(";"));
    return alternatives.some((all) => all.every((part) => selected.has(part)));
  };
}

function ordered(value: Key | null, check: (v: Key) => boolean): boolean {
  return value !== null && check(value);
}

export function isLikeable(field: FieldDef): boolean {
  return !["boolean", "date", "datetime", "int", "double", "currency", "percent"].includes(
    field.type,
  );
}
