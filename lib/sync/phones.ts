import type { CountryCode } from "libphonenumber-js/max";
import type { PhoneNumber } from "@/lib/db/schema";
import type { PhoneType } from "@/lib/sync/config";
import { e164Of } from "@/lib/sync/phone-rule.mjs";
import { readRowField, readText, type SyncRow } from "@/lib/sync/record";

/**
 * Phone numbers to E.164 with libphonenumber-js. A national number is read in the contact's
 * country (else the organisation's default); one written with a + or an international prefix
 * is read as written. A number is kept in E.164 when its length fits its country, even when
 * the numbering plan has not allocated its range (the metadata lags new ranges, and test data
 * such as the samples is full of them). A value that cannot be read is kept as written with
 * `e164: null`.
 */

export type PhoneField = { field: string; type: PhoneType };

export type PhoneTrace = {
  field: string;
  type: PhoneType;
  raw: string | null;
  e164: string | null;
  outcome: "normalised" | "unreadable" | "blank" | "duplicate";
  /** For a duplicate: the field whose number it repeats. */
  sameAs: string | null;
};

export type CollectedPhones = { phones: PhoneNumber[]; traces: PhoneTrace[] };

// Parsing costs about 5 µs a number, and contacts of one account often share its main
// number: remembered answers make a large sync cheaper. A run asks three times for each number
// (to send it to the phone thread, to take its answer, to map it), a few pages apart, so the
// answers are kept in two generations of a few thousand: small maps that stay in the CPU's
// cache, where one map of 50,000 answers missed it on every lookup (0.4 s of a 100,000-contact
// run's main thread). By country, then by the number as written, so each lookup hashes a string
// that already has its hash.
type Answers = Map<CountryCode | null, Map<string, string | null>>;
const GENERATION = 4_096;
let young: Answers = new Map();
let old: Answers = new Map();
let youngSize = 0;

function known(raw: string, country: CountryCode | null): string | null | undefined {
  const answer = young.get(country)?.get(raw);
  return answer !== undefined ? answer : old.get(country)?.get(raw);
}

export function normalisePhone(raw: string, country: CountryCode | null): string | null {
  const answer = known(raw, country);
  if (answer !== undefined) return answer;

  const e164 = e164Of(raw, country);
  remember(raw, country, e164);
  return e164;
}

function remember(raw: string, country: CountryCode | null, e164: string | null) {
  if (youngSize >= GENERATION) {
    old = young;
    young = new Map();
    youngSize = 0;
  }
  let numbers = young.get(country);
  if (!numbers) young.set(country, (numbers = new Map()));
  if (!numbers.has(raw)) youngSize += 1;
  numbers.set(raw, e164);
}

/** A number to normalise, in the country it is read in. */
export type PhoneLookup = [raw: string, country: CountryCode | null];

/** The numbers of a row that `collectPhones` would have to parse, answers not known yet. */
export function phoneLookups(
  fields: PhoneField[],
  row: SyncRow,
  country: CountryCode | null,
  into: PhoneLookup[],
): void {
  for (const { field } of fields) {
    const raw = readText(readRowField(row, field));
    if (raw && known(raw, country) === undefined) into.push([raw, country]);
  }
}

/**
 * The lookups with each number asked once: a contact on several accounts comes as one row per
 * account, usually in one page (a quarter of a 100,000-contact run's lookups repeated one in
 * the same page: 38,114 of 148,964).
 */
export function uniqueLookups(lookups: PhoneLookup[]): PhoneLookup[] {
  const asked = new Map<CountryCode | null, Set<string>>();
  const unique: PhoneLookup[] = [];
  for (const lookup of lookups) {
    const [raw, country] = lookup;
    let numbers = asked.get(country);
    if (!numbers) asked.set(country, (numbers = new Set()));
    if (numbers.has(raw)) continue;
    numbers.add(raw);
    unique.push(lookup);
  }
  return unique;
}

/** Answers worked out elsewhere (a worker thread), so `normalisePhone` finds them known. */
export function rememberPhones(lookups: PhoneLookup[], answers: (string | null)[]): void {
  for (let i = 0; i < lookups.length; i++) {
    const [raw, country] = lookups[i]!;
    remember(raw, country, answers[i] ?? null);
  }
}

/** Config order decides which field keeps a number two fields share. */
export function collectPhones(
  fields: PhoneField[],
  row: SyncRow,
  country: CountryCode | null,
): CollectedPhones {
  const phones: PhoneNumber[] = [];
  const traces: PhoneTrace[] = [];
  // The kept numbers' keys, in the order of `phones`: a sync has a handful of phone fields, so a
  // scan of this beats a Map made for every record.
  const keys: string[] = [];

  for (const { field, type } of fields) {
    const raw = readText(readRowField(row, field));
    if (!raw) {
      traces.push({ field, type, raw: null, e164: null, outcome: "blank", sameAs: null });
      continue;
    }

    const e164 = normalisePhone(raw, country);
    const key = e164 ?? `raw:${raw.toLowerCase().replace(/\s+/g, "")}`;
    const same = keys.indexOf(key);
    if (same >= 0) {
      const sameAs = phones[same]!.sourceField;
      traces.push({ field, type, raw, e164, outcome: "duplicate", sameAs });
      continue;
    }

    keys.push(key);
    phones.push({ type, raw, e164, sourceField: field });
    const outcome = e164 ? "normalised" : "unreadable";
    traces.push({ field, type, raw, e164, outcome, sameAs: null });
  }

  return { phones, traces };
}
