import "server-only";

import type { SalesforceConnection } from "./connection";
import { findField } from "./describe";
import type { SalesforceRecord } from "./query";

type Convert = (value: string) => unknown;

interface Column {
  path: string[];
  convert: Convert;
}

const NUMBER_TYPES = new Set(["int", "double", "currency", "percent", "long"]);

/**
 * Builds REST-shaped records from Bulk API 2.0 CSV rows: `Account.Name` columns become nested
 * objects, empty values null, booleans and numbers typed from the describe, datetimes written
 * as REST writes them. Known limit: a parent whose selected fields are all empty reads as null,
 * where REST would give an object of nulls; select the parent's Id to tell them apart.
 */
export async function csvRecordBuilder(
  connection: SalesforceConnection,
  object: string,
  header: string[],
) {
  const columns = await Promise.all(header.map((name) => columnOf(connection, object, name)));
  const shape = recordShape(columns);
  const base = `/services/data/v${connection.apiVersion}/sobjects/`;
  // Runs once a record (120,000 times for a large org): plain loops over the shape worked out
  // above, so a row allocates its record and nested records and nothing else.
  return (row: string[]): SalesforceRecord => {
    const record: SalesforceRecord = { attributes: undefined };
    const parents: SalesforceRecord[] = [];
    const filled: boolean[] = [];
    for (let i = 0; i < shape.length; i++) {
      const column = shape[i]!;
      for (const p of column.opens) {
        const parent = shape.parents[p]!;
        const opened: SalesforceRecord = {};
        parents[p] = opened;
        filled[p] = false;
        (parent.holder < 0 ? record : parents[parent.holder]!)[parent.name] = opened;
      }
      const value = column.convert(row[i] ?? "");
      (column.holder < 0 ? record : parents[column.holder]!)[column.name] = value;
      if (value !== null) for (const p of column.within) filled[p] = true;
    }
    for (let p = shape.parents.length - 1; p >= 0; p--) {
      const parent = shape.parents[p]!;
      if (!filled[p]) (parent.holder < 0 ? record : parents[parent.holder]!)[parent.name] = null;
    }
    const id = record.Id;
    record.attributes =
      typeof id === "string" ? { type: object, url: `${base}${object}/${id}` } : { type: object };
    return record;
  };
}

type ShapedColumn = {
  convert: Convert;
  /** The field's name in its holder, and the holder: -1 for the record, else a parent. */
  name: string;
  holder: number;
  /** Parents this column is the first to reach, opened in order before its value is set. */
  opens: number[];
  /** Every parent on the column's path, marked filled when its value is not null. */
  within: number[];
};

/**
 * The nested records a header describes (`Account.Owner.Name` is Account, then Account.Owner),
 * numbered in the order their first column comes, as the REST API orders a record's fields.
 */
function recordShape(columns: Column[]) {
  const parents: { name: string; holder: number }[] = [];
  const numbered = new Map<string, number>();
  const shaped: ShapedColumn[] = columns.map(({ path, convert }) => {
    const opens: number[] = [];
    const within: number[] = [];
    let holder = -1;
    for (let depth = 0; depth < path.length - 1; depth++) {
      const key = path.slice(0, depth + 1).join(".");
      let n = numbered.get(key);
      if (n === undefined) {
        n = parents.push({ name: path[depth]!, holder }) - 1;
        numbered.set(key, n);
        opens.push(n);
      }
      within.push(n);
      holder = n;
    }
    return { convert, name: path.at(-1)!, holder, opens, within };
  });
  return Object.assign(shaped, { parents });
}

async function columnOf(
  connection: SalesforceConnection,
  object: string,
  name: string,
): Promise<Column> {
  const path = name.split(".");
  let owner: string | undefined = object;
  for (const relationship of path.slice(0, -1)) {
    const describe: Awaited<ReturnType<typeof connection.describes.object>> = owner
      ? await connection.describes.object(owner)
      : null;
    const lower = relationship.toLowerCase();
    owner = describe?.fields.find((f) => f.relationshipName?.toLowerCase() === lower)
      ?.referenceTo[0];
  }
  const describe = owner ? await connection.describes.object(owner) : null;
  const type = describe ? findField(describe, path.at(-1)!)?.type : undefined;
  return { path, convert: converterFor(type) };
}

function converterFor(type: string | undefined): Convert {
  if (type === "boolean") return (v) => (v === "" ? null : v === "true");
  if (type && NUMBER_TYPES.has(type)) return (v) => (v === "" ? null : Number(v));
  if (type === "datetime") return (v) => (v === "" ? null : v.replace(/Z$/, "+0000"));
  return (v) => (v === "" ? null : v);
}
