import type { SandboxOrg } from "../org/org";
import type { SfRecord } from "../org/values";
import { compileQuery } from "./compile";
import { aggregateRow, countOf, runPlan } from "./execute";
import type { QueryPlan } from "./plan";
import { recordProjector } from "./project";

type Json = Record<string, unknown>;

/** A query's whole answer, computed once; pages are projected from it on demand. */
export interface QueryOutcome {
  plan: QueryPlan;
  totalSize: number;
  /** Matching records in result order; empty for COUNT() and aggregate queries. */
  rows: readonly SfRecord[];
  /** The AggregateResult row of `SELECT COUNT(Id) ...`. */
  aggregate?: Json;
}

export function evaluateSoql(
  org: SandboxOrg,
  soql: string,
  options: { scanAll: boolean },
): QueryOutcome {
  const plan = compileQuery(org, soql, options);
  if (plan.countOnly) return { plan, totalSize: countOf(org, plan), rows: [] };
  if (plan.aggregate) {
    const aggregate = { attributes: { type: "AggregateResult" }, ...aggregateRow(org, plan) };
    return { plan, totalSize: 1, rows: [], aggregate };
  }
  const rows = runPlan(org, plan);
  return { plan, totalSize: rows.length, rows };
}

/** Runs a query and projects every record at once; for tests and small answers. */
export function queryRecords(
  org: SandboxOrg,
  soql: string,
  options = { scanAll: false, apiVersion: "62.0" },
): Json[] {
  const outcome = evaluateSoql(org, soql, options);
  if (outcome.aggregate) return [outcome.aggregate];
  const project = recordProjector(org, outcome.plan, options.apiVersion);
  return outcome.rows.map(project);
}
