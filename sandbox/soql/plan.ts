import type { FieldPath } from "./fields";
import type { Predicate } from "./condition";
import type { Sorter } from "./order";

export type SelectItem =
  | { kind: "field"; path: FieldPath }
  | { kind: "aggregate"; alias: string; path?: FieldPath }
  | {
      kind: "children";
      relationshipName: string;
      childObject: string;
      parentField: string;
      plan: QueryPlan;
    };

/** A SOQL query checked against the org's schema and turned into functions over records. */
export interface QueryPlan {
  object: string;
  selects: SelectItem[];
  /** `SELECT COUNT() FROM ...`: the answer is totalSize alone. */
  countOnly: boolean;
  /** `SELECT COUNT(Id) FROM ...`: one AggregateResult row. */
  aggregate: boolean;
  where: Predicate;
  sort?: Sorter;
  limit?: number;
  offset: number;
  /** queryAll: deleted records are included. */
  scanAll: boolean;
}
