import { quoteSoql } from "@/lib/sync/escape";
import {
  encodedLength,
  MAX_REQUEST_TARGET_LENGTH,
  measureRequestTarget,
} from "@/lib/sync/soql-split";

// Lists are packed up to the longest request line a REST call allows (see soql-split.ts), and
// to at most this many Ids, which keeps each answer to a page or two.
const MAX_IDS_PER_QUERY = 800;
const SEPARATOR = encodedLength(", ");

/**
 * One query per slice of `ids`, each `build(condition)` with `field IN (...)` as the condition
 * and no longer on the wire than a REST call allows. The same Ids always give the same queries.
 */
export function queriesForIds(
  ids: Iterable<string>,
  field: string,
  build: (condition: string) => string,
  maxLength = MAX_REQUEST_TARGET_LENGTH,
): string[] {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return [];
  const budget = maxLength - measureRequestTarget(build(`${field} IN ()`));

  const queries: string[] = [];
  let chunk: string[] = [];
  let used = 0;
  const flush = () => {
    queries.push(build(`${field} IN (${chunk.map(quoteSoql).join(", ")})`));
    chunk = [];
    used = 0;
  };
  for (const id of sorted) {
    const size = encodedLength(quoteSoql(id));
    const full = chunk.length >= MAX_IDS_PER_QUERY || used + SEPARATOR + size > budget;
    if (chunk.length > 0 && full) flush();
    used += chunk.length > 0 ? SEPARATOR + size : size;
    chunk.push(id);
  }
  if (chunk.length > 0) flush();
  return queries;
}
