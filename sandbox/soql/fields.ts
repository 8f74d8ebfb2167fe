import type { SandboxOrg } from "../org/org";
import type { Scalar, SfRecord } from "../org/values";
import type { FieldDef } from "../schema/field-def";
import { firstOffset, queryError } from "./positions";

/** A field reached from the queried object, possibly through parent relationships. */
export interface FieldPath {
  /** Reference fields followed, e.g. AccountId then ParentId for Account.Parent.Name. */
  steps: { field: FieldDef; relationshipName: string; target: string }[];
  field: FieldDef;
  /** The object that owns `field`. */
  owner: string;
  /** Canonical spelling, e.g. `Account.Parent.Name`. */
  canonical: string;
}

const MAX_RELATIONSHIP_DEPTH = 5;

export function resolvePath(org: SandboxOrg, object: string, raw: string, soql: string): FieldPath {
  const parts = raw.split(".");
  const steps: FieldPath["steps"] = [];
  let owner = object;
  if (parts.length - 1 > MAX_RELATIONSHIP_DEPTH) {
    throw queryError(
      soql,
      firstOffset(soql, raw),
      "INVALID_FIELD",
      `Relationship path ${raw} is too deep`,
    );
  }
  for (const part of parts.slice(0, -1)) {
    const reference = org.schema.get(owner)?.relationship(part);
    const target = reference?.referenceTo[0];
    if (!reference || !target || !org.schema.get(target)) {
      throw queryError(soql, firstOffset(soql, raw), "INVALID_FIELD", notUnderstood(part));
    }
    steps.push({ field: reference, relationshipName: reference.relationshipName!, target });
    owner = org.schema.get(target)!.name;
  }
  const name = parts[parts.length - 1]!;
  const field = org.schema.get(owner)?.visibleField(name);
  if (!field) {
    throw queryError(soql, firstOffset(soql, raw), "INVALID_FIELD", noSuchColumn(name, owner));
  }
  const canonical = [...steps.map((s) => s.relationshipName), field.name].join(".");
  return { steps, field, owner, canonical };
}

/** Reads the value at the end of a path; null when a parent on the way is missing. */
export function pathGetter(org: SandboxOrg, path: FieldPath): (record: SfRecord) => Scalar {
  const name = path.field.name;
  if (path.steps.length === 0) return (record) => record[name] ?? null;
  return (record) => {
    const parent = parentAt(org, path, record);
    return parent ? (parent[name] ?? null) : null;
  };
}

export function parentAt(org: SandboxOrg, path: FieldPath, record: SfRecord): SfRecord | null {
  let current: SfRecord | undefined = record;
  for (const step of path.steps) {
    const id: Scalar | undefined = current[step.field.name];
    current = typeof id === "string" ? org.get(step.target, id) : undefined;
    if (!current) return null;
  }
  return current;
}

export function noSuchColumn(name: string, object: string): string {
  return (
    `No such column '${name}' on entity '${object}'. If you are attempting to use a custom ` +
    "field, be sure to append the '__c' after the custom field name. Please reference your " +
    "WSDL or the describe call for the appropriate names."
  );
}

function notUnderstood(relationship: string): string {
  return (
    `Didn't understand relationship '${relationship}' in field path. If you are attempting to ` +
    "use a custom relationship, be sure to append the '__r' after the custom relationship " +
    "name. Please reference your WSDL or the describe call for the appropriate names."
  );
}

export function unsupportedObject(object: string): string {
  return (
    `sObject type '${object}' is not supported. If you are attempting to use a custom object, ` +
    "be sure to append the '__c' after the entity name. Please reference your WSDL or the " +
    "describe call for the appropriate names."
  );
}
