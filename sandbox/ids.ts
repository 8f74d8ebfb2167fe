// Salesforce record Ids: a 15-character case-sensitive Id plus a 3-character suffix that makes
// the 18-character form safe for case-insensitive systems.

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
const POD = "5g";

export const KEY_PREFIXES = {
  Account: "001",
  Contact: "003",
  AccountContactRelation: "07k",
  User: "005",
  Organization: "00D",
  QueryLocator: "01g",
  BulkJob: "750",
} as const;

export function checksumSuffix(id15: string): string {
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[flags];
  }
  return suffix;
}

// The sequence is written in base 62 with digits before capitals before small letters, so Ids
// of one object sort in creation order, as real Ids mostly do.
export function makeId(prefix: string, sequence: number): string {
  let digits = "";
  let n = Math.floor(sequence);
  while (n > 0) {
    digits = BASE62[n % 62] + digits;
    n = Math.floor(n / 62);
  }
  const id15 = `${prefix}${POD}0${digits.padStart(9, "0")}`;
  return id15 + checksumSuffix(id15);
}

/** 15- or 18-character Id in its 18-character form, or null when it is not an Id. */
export function normalizeId(value: string): string | null {
  if (!/^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/i.test(value)) return null;
  const id15 = value.slice(0, 15);
  const id18 = id15 + checksumSuffix(id15);
  if (value.length === 18 && value.slice(15).toUpperCase() !== id18.slice(15)) return null;
  return id18;
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}
