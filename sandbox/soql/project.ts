import type { SandboxOrg } from "../org/org";
import { type Scalar, type SfRecord, formatDateTime } from "../org/values";
import type { FieldDef } from "../schema/field-def";
import { runChildPlan } from "./execute";
import type { QueryPlan } from "./plan";

type Json = Record<string, unknown>;

type Entry =
  | { kind: "field"; field: FieldDef }
  | { kind: "parent"; name: string; referenceField: string; target: string; node: Node }
  | { kind: "children"; name: string; parentField: string; plan: QueryPlan; node: Node };

interface Node {
  object: string;
  entries: Entry[];
}

/**
 * Builds the REST shape of a record: `attributes` first, the selected fields in SELECT order,
 * parents as nested objects (null when missing) and child subqueries as nested query results.
 */
export function recordProjector(org: SandboxOrg, plan: QueryPlan, apiVersion: string) {
  const root = treeOf(plan);
  const base = `/services/data/v${apiVersion}/sobjects/`;
  const project = (node: Node, record: SfRecord): Json => {
    const out: Json = {
      attributes: { type: node.object, url: `${base}${node.object}/${record.Id}` },
    };
    for (const entry of node.entries) {
      if (entry.kind === "field") {
        out[entry.field.name] = formatValue(entry.field, record);
      } else if (entry.kind === "parent") {
        const id = record[entry.referenceField];
        const parent = typeof id === "string" ? org.get(entry.target, id) : undefined;
        out[entry.name] = parent ? project(entry.node, parent) : null;
      } else {
        const children = runChildPlan(org, entry.plan, entry.parentField, String(record.Id));
        out[entry.name] = children.length
          ? {
              totalSize: children.length,
              done: true,
              records: children.map((c) => project(entry.node, c)),
            }
          : null;
      }
    }
    return out;
  };
  return (record: SfRecord) => project(root, record);
}

function treeOf(plan: QueryPlan): Node {
  const root: Node = { object: plan.object, entries: [] };
  for (const item of plan.selects) {
    if (item.kind === "children") {
      root.entries.push({
        kind: "children",
        name: item.relationshipName,
        parentField: item.parentField,
        plan: item.plan,
        node: treeOf(item.plan),
      });
      continue;
    }
    if (item.kind !== "field") continue;
    let node = root;
    for (const step of item.path.steps) {
      let parent = node.entries.find(
        (e): e is Extract<Entry, { kind: "parent" }> =>
          e.kind === "parent" && e.name === step.relationshipName,
      );
      if (!parent) {
        parent = {
          kind: "parent",
          name: step.relationshipName,
          referenceField: step.field.name,
          target: step.target,
          node: { object: step.target, entries: [] },
        };
        node.entries.push(parent);
      }
      node = parent.node;
    }
    node.entries.push({ kind: "field", field: item.path.field });
  }
  return root;
}

export function formatValue(field: FieldDef, record: SfRecord): unknown {
  if (field.type === "address") return addressOf(field.name.replace(/Address$/, ""), record);
  const value: Scalar = record[field.name] ?? null;
  if (value === null) return null;
  if (field.type === "datetime") return formatDateTime(Number(value));
  return value;
}

function addressOf(prefix: string, record: SfRecord): Json | null {
  const part = (name: string) => record[`${prefix}${name}`] ?? null;
  const address = {
    city: part("City"),
    country: part("Country"),
    geocodeAccuracy: part("GeocodeAccuracy"),
    latitude: part("Latitude"),
    longitude: part("Longitude"),
    postalCode: part("PostalCode"),
    state: part("State"),
    street: part("Street"),
  };
  return Object.values(address).some((v) => v !== null) ? address : null;
}
