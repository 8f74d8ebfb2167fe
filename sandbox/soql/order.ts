import type { OrderByClause } from "soql-parser-js";

import type { SandboxOrg } from "../org/org";
import type { SfRecord } from "../org/values";
import { type FieldPath, pathGetter } from "./fields";
import { type Key, keyOf } from "./literal-values";
import { firstOffset, queryError } from "./positions";

export type Sorter = (records: readonly SfRecord[]) => SfRecord[];

interface SortKey {
  read: (record: SfRecord) => Key | null;
  descending: boolean;
  nullsFirst: boolean;
}

// Null placement follows Salesforce's defaults: first when ascending, last when descending.
// Records that tie on every key keep their creation order.
export function compileOrder(
  orderBy: OrderByClause | OrderByClause[] | undefined,
  ctx: { org: SandboxOrg; soql: string; resolve: (field: string) => FieldPath },
): Sorter | undefined {
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  if (clauses.length === 0) return undefined;
  const keys: SortKey[] = clauses.map((clause) => {
    if (!("field" in clause) || typeof clause.field !== "string") {
      throw queryError(ctx.soql, 0, "MALFORMED_QUERY", "The sandbox does not sort by functions");
    }
    const path = ctx.resolve(clause.field);
    if (!path.field.sortable) {
      throw queryError(
        ctx.soql,
        firstOffset(ctx.soql, clause.field),
        "INVALID_FIELD",
        `field '${path.field.name}' can not be sorted in a query call`,
      );
    }
    const get = pathGetter(ctx.org, path);
    const key = keyOf(path.field);
    const descending = clause.order?.toUpperCase() === "DESC";
    const nulls = clause.nulls?.toUpperCase();
    return {
      read: (record) => {
        const v = get(record);
        return v === null ? null : key(v);
      },
      descending,
      nullsFirst: nulls ? nulls === "FIRST" : !descending,
    };
  });

  return (records) => {
    const rows = records.map((record, index) => ({
      record,
      index,
      values: keys.map((k) => k.read(record)),
    }));
    rows.sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        const order = compareKeys(a.values[i]!, b.values[i]!, keys[i]!);
        if (order !== 0) return order;
      }
      return a.index - b.index;
    });
    return rows.map((row) => row.record);
  };
}

function compareKeys(a: Key | null, b: Key | null, key: SortKey): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === key.nullsFirst ? -1 : 1;
  }
  const order = a < b ? -1 : a > b ? 1 : 0;
  return key.descending ? -order : order;
}
