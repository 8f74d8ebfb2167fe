import type { SandboxOrg } from "../org/org";
import type { SfRecord } from "../org/values";
import { pathGetter } from "./fields";
import type { QueryPlan } from "./plan";

/** The records a plan selects, filtered, sorted and sliced; computed once per query. */
export function runPlan(org: SandboxOrg, plan: QueryPlan): SfRecord[] {
  return finish(plan, matching(plan, org.records(plan.object)));
}

/** The child records of one parent for a relationship subquery. */
export function runChildPlan(
  org: SandboxOrg,
  plan: QueryPlan,
  parentField: string,
  parentId: string,
): SfRecord[] {
  const children = org.childrenBy(plan.object, parentField).get(parentId) ?? [];
  return finish(plan, matching(plan, children));
}

export function countOf(org: SandboxOrg, plan: QueryPlan): number {
  const matched = matching(plan, org.records(plan.object)).length;
  return Math.min(matched, plan.limit ?? Infinity);
}

/** `COUNT(field)` values for the one AggregateResult row. */
export function aggregateRow(org: SandboxOrg, plan: QueryPlan): Record<string, number> {
  const matched = matching(plan, org.records(plan.object));
  const row: Record<string, number> = {};
  for (const item of plan.selects) {
    if (item.kind !== "aggregate" || !item.path) continue;
    const get = pathGetter(org, item.path);
    row[item.alias] = matched.filter((record) => get(record) !== null).length;
  }
  return row;
}

function matching(plan: QueryPlan, records: readonly SfRecord[]): SfRecord[] {
  const { where, scanAll } = plan;
  const matched: SfRecord[] = [];
  for (const record of records) {
    if (!scanAll && record.IsDeleted === true) continue;
    if (where(record)) matched.push(record);
  }
  return matched;
}

function finish(plan: QueryPlan, matched: SfRecord[]): SfRecord[] {
  const sorted = plan.sort ? plan.sort(matched) : matched;
  const end = plan.limit === undefined ? undefined : plan.offset + plan.limit;
  return plan.offset || end !== undefined ? sorted.slice(plan.offset, end) : sorted;
}
