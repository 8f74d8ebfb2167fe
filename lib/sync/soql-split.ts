import type { SyncConfig } from "@/lib/sync/config";
import type { FilterGroup, FilterRule } from "@/lib/sync/config-rules";
import type { FieldTypes } from "@/lib/sync/describe";
import { buildSoql, formatListValue } from "@/lib/sync/soql";

/**
 * Splits a sync's SOQL into several queries when one would make too long a request line.
 * Salesforce accepts at most 16,384 bytes of URI and headers together per REST call (414 or 431
 * above it); the default budget leaves about 1,400 bytes for the headers, the bearer token
 * included. The queries' results overlap where groups overlap: the planner keeps each record
 * Id once.
 */

export const DEFAULT_API_VERSION = "62.0";
export const MAX_REQUEST_TARGET_LENGTH = 15_000;

export type SplitOptions = { apiVersion?: string; maxLength?: number };

export class QueryTooLongError extends Error {
  constructor(readonly longestLength: number) {
    super(
      "The filters are too long for Salesforce even when split into several queries: shorten the longest 'not in list' or 'excludes all of' list, or the longest value.",
    );
  }
}

/**
 * The request target jsforce sends, `/services/data/v62.0/queryAll?q=...`, measured with
 * queryAll because it is the longer of the two paths.
 */
export function measureRequestTarget(soql: string, apiVersion = DEFAULT_API_VERSION): number {
  return `/services/data/v${apiVersion}/queryAll?q=`.length + encodedLength(soql);
}

/**
 * Length of text in a query string as sent: encodeURIComponent leaves `'` alone, but fetch's URL
 * parser then writes every `'` of a query string as %27, three characters.
 */
export function encodedLength(text: string): number {
  let quotes = 0;
  for (const char of text) if (char === "'") quotes += 1;
  return encodeURIComponent(text).length + 2 * quotes;
}

export type SyncQuery = {
  soql: string;
  /** The filter groups this query asks for; together the queries ask for the config's. */
  groups: FilterGroup[];
};

export function planSyncQueries(
  config: SyncConfig,
  types: FieldTypes,
  options: SplitOptions = {},
): SyncQuery[] {
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const maxLength = options.maxLength ?? MAX_REQUEST_TARGET_LENGTH;
  const queryFor = (groups: FilterGroup[]) => ({
    soql: buildSoql(config, types, { groups }),
    groups,
  });
  const measure = (rules: FilterRule[]) =>
    measureRequestTarget(queryFor([{ rules }]).soql, apiVersion);

  const whole = queryFor(config.filters.groups);
  const wholeLength = measureRequestTarget(whole.soql, apiVersion);
  if (wholeLength <= maxLength) return [whole];

  // Each OR'ed group is a query of its own, then long lists inside a group are split.
  const groups = config.filters.groups;
  if (groups.length === 0) throw new QueryTooLongError(wholeLength);
  return groups.flatMap((group) =>
    splitRules(group.rules, measure, maxLength, types).map((rules) => queryFor([{ rules }])),
  );
}

/** The exact SOQL strings of a sync, one per request. */
export function buildSyncQueries(
  config: SyncConfig,
  types: FieldTypes,
  options: SplitOptions = {},
): string[] {
  return planSyncQueries(config, types, options).map((query) => query.soql);
}

/** Rules whose values can be split into a union of queries: any of the values may match. */
function isSplittable(rule: FilterRule): boolean {
  return (rule.match === "inList" || rule.match === "includesAny") && rule.values.length > 1;
}

function splitRules(
  rules: FilterRule[],
  measure: (rules: FilterRule[]) => number,
  maxLength: number,
  types: FieldTypes,
): FilterRule[][] {
  const length = measure(rules);
  if (length <= maxLength) return [rules];

  const target = rules
    .map((rule, index) => ({ rule, index, size: encodedListLength(rule, rule.values, types) }))
    .filter(({ rule }) => isSplittable(rule))
    .sort((a, b) => b.size - a.size)[0];
  if (!target) throw new QueryTooLongError(length);

  const withValues = (values: string[]) =>
    rules.map((rule, i) => (i === target.index ? { ...rule, values } : rule));
  const budget = maxLength - measure(withValues([]));
  const chunks = packValues(target.rule, budget, types);

  // A chunk can still be too long when another list in the group is long too: split that next.
  return chunks.flatMap((values) => splitRules(withValues(values), measure, maxLength, types));
}

const SEPARATOR_LENGTH = encodeURIComponent(", ").length;

function encodedListLength(rule: FilterRule, values: string[], types: FieldTypes): number {
  return values.reduce(
    (sum, value, i) =>
      sum + encodedLength(formatListValue(rule, value, types)) + (i ? SEPARATOR_LENGTH : 0),
    0,
  );
}

/** Greedy, in the order given, so the split is the same on every run; one value at least each. */
function packValues(rule: FilterRule, budget: number, types: FieldTypes): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let used = 0;

  for (const value of rule.values) {
    const size = encodedLength(formatListValue(rule, value, types));
    if (chunk.length > 0 && used + SEPARATOR_LENGTH + size > budget) {
      chunks.push(chunk);
      chunk = [];
      used = 0;
    }
    used += chunk.length === 0 ? size : SEPARATOR_LENGTH + size;
    chunk.push(value);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
