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
  const base = `/services/data/v${connection.apiVersion}/sobjects/`;
  return (row: string[]): SalesforceRecord => {
    const record: SalesforceRecord = { attributes: { type: object } };
    const parents = new Map<string, { record: SalesforceRecord; filled: boolean }>();
    columns.forEach((column, i) => {
      const value = column.convert(row[i] ?? "");
      let target = record;
      for (let depth = 0; depth < column.path.length - 1; depth++) {
        const key = column.path.slice(0, depth + 1).join(".");
        let parent = parents.get(key);
        if (!parent) {
          parent = { record: {}, filled: false };
          parents.set(key, parent);
          target[column.path[depth]!] = parent.record;
        }
        if (value !== null) parent.filled = true;
        target = parent.record;
      }
      target[column.path.at(-1)!] = value;
    });
    for (const [key, parent] of [...parents].reverse()) {
      if (parent.filled) continue;
      const path = key.split(".");
      let holder = record;
      for (const part of path.slice(0, -1)) holder = holder[part] as SalesforceRecord;
      holder[path.at(-1)!] = null;
    }
    if (typeof record.Id === "string")
      record.attributes = { type: object, url: `${base}${object}/${record.Id}` };
    return record;
  };
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
