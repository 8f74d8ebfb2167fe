import type { Person, PhoneNumber } from "@/lib/db/schema";
import type { DesiredPerson } from "@/lib/sync/map";
import { compareText } from "@/lib/sync/positions";
import { readText } from "@/lib/sync/record";

/**
 * Compares an existing synced person with the desired one, normalised so that writing the
 * desired row and comparing again finds nothing: trimmed text, blank and null alike, email
 * without regard to case, positions as a set, a missing custom field the same as a null one.
 */

export type ExistingPerson = Pick<
  Person,
  | "id"
  | "customerId"
  | "source"
  | "salesforceContactId"
  | "firstName"
  | "lastName"
  | "email"
  | "phones"
  | "positions"
  | "customFields"
  | "archivedAt"
>;

export type PersonChange =
  | { field: "firstName" | "lastName" | "email"; before: string | null; after: string | null }
  | { field: "phones"; before: PhoneNumber[]; after: PhoneNumber[] }
  | { field: "positions"; before: string[]; after: string[] }
  | { field: "customField"; key: string; before: string | null; after: string | null }
  | { field: "archived"; before: boolean; after: boolean };

export type PersonComparison = {
  changes: PersonChange[];
  /** The row to write: the desired one, keeping the stored email when only its case differs. */
  desired: DesiredPerson;
};

export function comparePerson(existing: ExistingPerson, desired: DesiredPerson): PersonComparison {
  const changes: PersonChange[] = [];
  const row = { ...desired };

  for (const field of ["firstName", "lastName"] as const) {
    const before = readText(existing[field]);
    if (before !== desired[field]) changes.push({ field, before, after: desired[field] });
  }

  const beforeEmail = readText(existing.email);
  if (beforeEmail?.toLowerCase() === desired.email?.toLowerCase()) row.email = existing.email;
  else changes.push({ field: "email", before: beforeEmail, after: desired.email });

  const beforePhones = (existing.phones ?? []).map(storedPhone);
  if (!samePhones(beforePhones, desired.phones)) {
    changes.push({ field: "phones", before: beforePhones, after: desired.phones });
  }

  const beforePositions = [...(existing.positions ?? [])].sort(compareText);
  if (beforePositions.join("\n") !== desired.positions.join("\n")) {
    changes.push({ field: "positions", before: beforePositions, after: desired.positions });
  }

  const beforeFields = existing.customFields ?? {};
  const keys = new Set([...Object.keys(beforeFields), ...Object.keys(desired.customFields)]);
  for (const key of [...keys].sort(compareText)) {
    const before = readText(beforeFields[key]);
    const after = desired.customFields[key] ?? null;
    if (before !== after) changes.push({ field: "customField", key, before, after });
  }

  if (existing.archivedAt) changes.push({ field: "archived", before: true, after: false });

  return { changes, desired: row };
}

/** Stored phones may lack keys written by older versions; read them the way map writes them. */
/** A stored phone with every field present, as the comparison reads it. */
export function storedPhone(phone: Partial<PhoneNumber>): PhoneNumber {
  return {
    type: phone.type ?? "other",
    raw: phone.raw ?? "",
    e164: phone.e164 ?? null,
    sourceField: phone.sourceField ?? null,
  };
}

function samePhones(a: PhoneNumber[], b: PhoneNumber[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((phone, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      phone.type === other.type &&
      phone.raw === other.raw &&
      phone.e164 === other.e164 &&
      phone.sourceField === other.sourceField
    );
  });
}
