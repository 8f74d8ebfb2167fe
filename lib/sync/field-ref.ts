/**
 * Field references in a sync config: `Title` (Contact), `Account.Industry` (the account the
 * contact is placed on) and `AccountContactRelation.Roles` (the relation, multi-account only).
 */

export const syncObjects = ["Contact", "Account", "AccountContactRelation"] as const;
export type SyncObject = (typeof syncObjects)[number];

export type FieldRef = { object: SyncObject; name: string };

const parsedRefs = new Map<string, FieldRef>();

/** Memoised: the map reads the same few references for every record. */
export function parseFieldRef(ref: string): FieldRef {
  const known = parsedRefs.get(ref);
  if (known) return known;

  const parsed = splitFieldRef(ref);
  if (parsedRefs.size < 10_000) parsedRefs.set(ref, parsed);
  return parsed;
}

function splitFieldRef(ref: string): FieldRef {
  const dot = ref.indexOf(".");
  if (dot === -1) return { object: "Contact", name: ref.trim() };

  const prefix = ref.slice(0, dot).trim().toLowerCase();
  const object = syncObjects.find((candidate) => candidate.toLowerCase() === prefix) ?? "Contact";
  return { object, name: ref.slice(dot + 1).trim() };
}

/** Contact fields are written bare, the others with their object: the canonical spelling. */
export function formatFieldRef(ref: FieldRef): string {
  return ref.object === "Contact" ? ref.name : `${ref.object}.${ref.name}`;
}

/** How a field is written in SOQL for a query `FROM Contact` or `FROM AccountContactRelation`. */
export function soqlFieldPath(ref: FieldRef, from: "Contact" | "AccountContactRelation"): string {
  if (ref.object === "Account") return `Account.${ref.name}`;
  if (ref.object === from) return ref.name;
  return `${ref.object}.${ref.name}`;
}
