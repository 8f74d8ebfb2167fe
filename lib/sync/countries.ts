import { type CountryCode, getCountries, isSupportedCountry } from "libphonenumber-js/max";

/**
 * Turns a contact's MailingCountry into an ISO 3166-1 alpha-2 code for phone parsing. Salesforce
 * orgs without state and country picklists hold free text: "US", "USA", "United States",
 * "Deutschland", "U.K.". Names come from the runtime's own country names in a few languages,
 * plus the common abbreviations and alpha-3 codes below.
 */

const LOCALES = ["en", "de", "fr", "es", "it", "nl", "pt"];

const ALIASES: Record<string, CountryCode> = {
  usa: "US",
  "united states of america": "US",
  america: "US",
  uk: "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  "hong kong": "HK",
  macau: "MO",
  "south korea": "KR",
  korea: "KR",
  "north korea": "KP",
  russia: "RU",
  holland: "NL",
  "czech republic": "CZ",
  turkey: "TR",
  "ivory coast": "CI",
  uae: "AE",
  burma: "MM",
  "the netherlands": "NL",
};

// Known limit: only these alpha-3 codes are recognised; others fall back to the default country.
const ALPHA3: Record<string, CountryCode> = {
  gbr: "GB",
  deu: "DE",
  fra: "FR",
  can: "CA",
  aus: "AU",
  nzl: "NZ",
  irl: "IE",
  nld: "NL",
  bel: "BE",
  lux: "LU",
  che: "CH",
  aut: "AT",
  esp: "ES",
  prt: "PT",
  ita: "IT",
  swe: "SE",
  nor: "NO",
  dnk: "DK",
  fin: "FI",
  pol: "PL",
  cze: "CZ",
  jpn: "JP",
  chn: "CN",
  ind: "IN",
  bra: "BR",
  mex: "MX",
  zaf: "ZA",
  sgp: "SG",
  are: "AE",
};

export function normaliseCountryName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[.’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

let namesIndex: Map<string, CountryCode> | null = null;

function countryNames(): Map<string, CountryCode> {
  if (namesIndex) return namesIndex;
  const index = new Map<string, CountryCode>();
  const add = (name: string | undefined, code: CountryCode) => {
    if (!name) return;
    const key = normaliseCountryName(name);
    if (key && !index.has(key)) index.set(key, code);
    // "Myanmar (Burma)" is also "Myanmar"; "Congo - Kinshasa" is not just "Congo".
    const withoutNote = name.replace(/\s*\(.*\)\s*$/, "");
    if (withoutNote !== name) add(withoutNote, code);
  };

  for (const [alias, code] of Object.entries(ALIASES)) add(alias, code);
  for (const locale of LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const code of getCountries()) add(names.of(code), code);
  }
  namesIndex = index;
  return index;
}

const resolved = new Map<string, CountryCode | null>();

/** An ISO code for a free-text country, or null when the text names no country we know. */
export function resolveCountryCode(country: string | null): CountryCode | null {
  if (!country) return null;
  // Every contact of an org spells its country one of a few ways: remember the answers.
  const known = resolved.get(country);
  if (known !== undefined) return known;

  const code = lookUpCountry(country);
  if (resolved.size < 10_000) resolved.set(country, code);
  return code;
}

function lookUpCountry(country: string): CountryCode | null {
  const key = normaliseCountryName(country);
  if (!key) return null;

  const upper = key.toUpperCase();
  if (key.length === 2 && isSupportedCountry(upper)) return upper;
  if (key.length === 3 && ALPHA3[key]) return ALPHA3[key];
  return countryNames().get(key) ?? null;
}
