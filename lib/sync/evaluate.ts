import { type FilterRule, type Filters, matchTypeLabels } from "@/lib/sync/config-rules";
import { dateTypes, type FieldTypes, numberTypes } from "@/lib/sync/describe";
import { readRowField, type SyncRow } from "@/lib/sync/record";

/**
 * The filters evaluated here, rule by rule, to explain a contact. Salesforce decides who the
 * sync fetches; this follows its rules so the explanation reads the same: text compared
 * without regard to case, "does not equal" and the other negations true for an empty field,
 * multi-select values as sets where "A;B" asks for both.
 */

export type RuleVerdict = {
  rule: FilterRule;
  actual: string | null;
  passed: boolean;
  text: string;
};
export type GroupVerdict = { matched: boolean; rules: RuleVerdict[] };
export type FilterVerdict = { matched: boolean; groups: GroupVerdict[] };

function asText(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? value : String(value);
}

function valuesEqual(actual: string, wanted: string, type: string | undefined): boolean {
  if (type && numberTypes.has(type)) return Number(actual) === Number(wanted);
  if (type === "datetime") return Date.parse(actual) === Date.parse(wanted);
  return actual.toLowerCase() === wanted.toLowerCase();
}

function compareValues(actual: string, wanted: string, type: string | undefined): number {
  if (type && numberTypes.has(type)) return Number(actual) - Number(wanted);
  if (type && dateTypes.has(type)) return Date.parse(actual) - Date.parse(wanted);
  const [a, b] = [actual.toLowerCase(), wanted.toLowerCase()];
  return a < b ? -1 : a > b ? 1 : 0;
}

function splitSet(value: string): Set<string> {
  return new Set(value.split(";").map((part) => part.trim().toLowerCase()));
}

function includesAny(actual: string | null, values: string[]): boolean {
  if (actual === null) return false;
  const chosen = splitSet(actual);
  return values.some((value) => [...splitSet(value)].every((part) => chosen.has(part)));
}

export function evaluateRule(rule: FilterRule, actual: string | null, type?: string): boolean {
  const [first = ""] = rule.values;
  const lower = actual?.toLowerCase() ?? null;
  const equalsAny = () => actual !== null && rule.values.some((v) => valuesEqual(actual, v, type));

  switch (rule.match) {
    case "equals":
      return type === "multipicklist"
        ? actual !== null && sameSet(actual, first)
        : actual !== null && valuesEqual(actual, first, type);
    case "notEquals":
      return !evaluateRule({ ...rule, match: "equals" }, actual, type);
    case "contains":
      return lower !== null && lower.includes(first.toLowerCase());
    case "notContains":
      return !(lower !== null && lower.includes(first.toLowerCase()));
    case "startsWith":
      return lower !== null && lower.startsWith(first.toLowerCase());
    case "inList":
      return equalsAny();
    case "notInList":
      return !equalsAny();
    case "includesAny":
      return includesAny(actual, rule.values);
    case "excludesAll":
      return !includesAny(actual, rule.values);
    case "greaterThan":
      return actual !== null && compareValues(actual, first, type) > 0;
    case "lessThan":
      return actual !== null && compareValues(actual, first, type) < 0;
    case "isEmpty":
      return actual === null;
    case "isNotEmpty":
      return actual !== null;
  }
}

function sameSet(a: string, b: string): boolean {
  const left = splitSet(a);
  const right = splitSet(b);
  return left.size === right.size && [...left].every((part) => right.has(part));
}

export function describeRuleVerdict(rule: FilterRule, actual: string | null, passed: boolean) {
  const values = rule.values.map((value) => `"${value}"`).join(", ");
  const asked = `${rule.field} ${matchTypeLabels[rule.match]}${values ? ` ${values}` : ""}`;
  const found = actual === null ? `${rule.field} is empty` : `${rule.field} is "${actual}"`;
  return `${asked}: ${passed ? "yes" : "no"} (${found}).`;
}

export function evaluateFilters(filters: Filters, row: SyncRow, types: FieldTypes): FilterVerdict {
  const groups = filters.groups.map((group): GroupVerdict => {
    const rules = group.rules.map((rule) => {
      const actual = asText(readRowField(row, rule.field));
      const passed = evaluateRule(rule, actual, types[rule.field]);
      return { rule, actual, passed, text: describeRuleVerdict(rule, actual, passed) };
    });
    return { matched: rules.every((verdict) => verdict.passed), rules };
  });

  // No groups means every contact matches.
  const matched = groups.length === 0 || groups.some((group) => group.matched);
  return { matched, groups };
}
