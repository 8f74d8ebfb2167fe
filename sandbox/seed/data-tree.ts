import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";

import type { SandboxOrg } from "../org/org";
import type { InputValue } from "../org/values";
import { inferFieldType } from "./infer-type";

interface TreeRecord {
  type: string;
  referenceId: string;
  fields: Record<string, InputValue>;
  source: string;
}

export interface SeedSummary {
  /** Salesforce Id given to each `referenceId`, per seed folder (as passed in). */
  ids: Map<string, Map<string, string>>;
  counts: Record<string, number>;
}

// Parents before children, so `@ref`s always point at records that already have an Id.
const LOAD_ORDER = ["Account", "Contact", "AccountContactRelation"];

/**
 * Loads sfdx data-tree folders (`{"records": [{"attributes": {"type", "referenceId"}, ...}]}`).
 * Field names match in any case; unknown fields become custom fields of an inferred type; each
 * folder resolves its own `@ref`s. Ids follow load order, so the same seeds give the same Ids.
 */
export function loadDataTrees(org: SandboxOrg, dirs: readonly string[]): SeedSummary {
  const summary: SeedSummary = { ids: new Map(), counts: {} };
  for (const dir of dirs) {
    const refs = new Map<string, string>();
    summary.ids.set(dir, refs);
    const records = readTree(dir);
    declareUnknownFields(org, records);
    for (const type of LOAD_ORDER) {
      const ofType = records.filter((r) => r.type === type);
      insertInDependencyOrder(org, ofType, refs);
      summary.counts[type] = (summary.counts[type] ?? 0) + ofType.length;
    }
  }
  return summary;
}

function readTree(dir: string): TreeRecord[] {
  const files = statSync(dir).isDirectory()
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => join(dir, name))
    : [dir];
  const records: TreeRecord[] = [];
  for (const file of files) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { records?: unknown };
    if (!Array.isArray(parsed.records)) continue;
    for (const raw of parsed.records as Record<string, unknown>[]) {
      const { attributes, ...fields } = raw as {
        attributes?: { type?: string; referenceId?: string };
      };
      const type = attributes?.type;
      if (!type || !LOAD_ORDER.includes(type)) {
        throw new Error(
          `Seed ${file}: the sandbox holds Account, Contact and AccountContactRelation, not ${type}`,
        );
      }
      const referenceId = attributes.referenceId ?? `${basename(file)}#${records.length}`;
      records.push({
        type,
        referenceId,
        fields: fields as Record<string, InputValue>,
        source: file,
      });
    }
  }
  return records;
}

function declareUnknownFields(org: SandboxOrg, records: TreeRecord[]): void {
  const unknown = new Map<string, { object: string; name: string; values: unknown[] }>();
  for (const record of records) {
    const schema = org.schema.internal(record.type);
    for (const [key, value] of Object.entries(record.fields)) {
      if (schema.field(key)) continue;
      const id = `${record.type}.${key.toLowerCase()}`;
      const entry = unknown.get(id) ?? { object: record.type, name: key, values: [] };
      entry.values.push(value);
      unknown.set(id, entry);
    }
  }
  for (const { object, name, values } of unknown.values()) {
    org.schema.declareField({ object, name, type: inferFieldType(values) });
  }
}

function insertInDependencyOrder(
  org: SandboxOrg,
  records: TreeRecord[],
  refs: Map<string, string>,
) {
  let pending = records;
  while (pending.length > 0) {
    const waiting: TreeRecord[] = [];
    for (const record of pending) {
      const resolved = resolveRefs(record, refs, pending);
      if (resolved === "wait") waiting.push(record);
      else refs.set(record.referenceId, insertOne(org, record, resolved));
    }
    if (waiting.length === pending.length) {
      throw new Error(
        `Seed ${waiting[0]!.source}: ${waiting[0]!.referenceId} is part of a reference cycle`,
      );
    }
    pending = waiting;
  }
}

function resolveRefs(record: TreeRecord, refs: Map<string, string>, pending: TreeRecord[]) {
  const fields: Record<string, InputValue> = {};
  for (const [key, value] of Object.entries(record.fields)) {
    if (typeof value !== "string" || !value.startsWith("@")) {
      fields[key] = value;
      continue;
    }
    const ref = value.slice(1);
    const id = refs.get(ref);
    if (id) {
      fields[key] = id;
      continue;
    }
    if (pending.some((other) => other.referenceId === ref && other !== record))
      return "wait" as const;
    throw new Error(
      `Seed ${record.source}: ${record.referenceId}.${key} points at ${value}, which no record in the folder defines`,
    );
  }
  return fields;
}

// The org already holds the direct relation of every contact with an account; a seed's relation
// for the same pair adds its details to that one instead of duplicating it.
function insertOne(
  org: SandboxOrg,
  record: TreeRecord,
  fields: Record<string, InputValue>,
): string {
  if (record.type === "AccountContactRelation") {
    const schema = org.schema.internal(record.type);
    const get = (name: string) =>
      Object.entries(fields).find(([k]) => schema.field(k)?.name === name)?.[1];
    const contactId = String(get("ContactId"));
    const existing = org
      .childrenBy(record.type, "ContactId")
      .get(contactId)
      ?.find((r) => r.AccountId === get("AccountId"));
    if (existing)
      return String(
        org.update(
          record.type,
          String(existing.Id),
          withoutKeys(fields, ["AccountId", "ContactId"]),
        ).Id,
      );
  }
  return String(org.insert(record.type, fields).Id);
}

function withoutKeys(
  fields: Record<string, InputValue>,
  names: string[],
): Record<string, InputValue> {
  const lower = names.map((n) => n.toLowerCase());
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => !lower.includes(key.toLowerCase())),
  );
}
