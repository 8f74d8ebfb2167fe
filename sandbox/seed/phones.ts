import type { Random } from "./random";

// Phone numbers, countries and emails written every way people write them.

export type Country = "US" | "UK" | "DE" | "FR" | "JP" | "AU";

const COUNTRY_WEIGHTS: [Country, number][] = [
  ["US", 0.45],
  ["UK", 0.15],
  ["DE", 0.15],
  ["FR", 0.08],
  ["JP", 0.07],
  ["AU", 0.1],
];

const COUNTRY_SPELLINGS: Record<Country, string[]> = {
  US: ["United States", "US", "USA", "U.S.", "united states of america"],
  UK: ["United Kingdom", "UK", "GB", "Great Britain", "England"],
  DE: ["Germany", "DE", "Deutschland"],
  FR: ["France", "FR"],
  JP: ["Japan", "JP", "日本"],
  AU: ["Australia", "AU"],
};

export const CITIES: Record<Country, string[]> = {
  US: ["San Francisco", "New York", "Austin", "Chicago"],
  UK: ["London", "Manchester", "Leeds"],
  DE: ["Berlin", "München", "Köln"],
  FR: ["Paris", "Lyon"],
  JP: ["Tokyo", "大阪"],
  AU: ["Sydney", "Melbourne"],
};

const GARBAGE = ["n/a", "-", "none", "call reception", "0000", "TBD", "  "];

type Format = (d: (n: number) => string) => string;

const FORMATS: Record<Country, Format[]> = {
  US: [
    (d) => `(${d(3)}) 555-${d(4)}`,
    (d) => `${d(3)}-555-${d(4)}`,
    (d) => `${d(3)}.555.${d(4)}`,
    (d) => `+1 ${d(3)} 555 ${d(4)}`,
    (d) => `${d(3)}555${d(4)}`,
    (d) => `1-${d(3)}-555-${d(4)}`,
    (d) => `555.${d(3)}.${d(4)} ext. ${d(2)}`,
    (d) => `(${d(3)}) 555-${d(4)} x${d(3)}`,
  ],
  UK: [
    (d) => `+44 20 7946 0${d(3)}`,
    (d) => `020 7946 0${d(3)}`,
    (d) => `+44 (0)20 7946 0${d(3)}`,
    (d) => `07700 900${d(3)}`,
  ],
  DE: [
    (d) => `0049 30 ${d(6)}`,
    (d) => `+49 30 ${d(7)}`,
    (d) => `030 ${d(7)}`,
    (d) => `+49 (0)171 ${d(7)}`,
  ],
  FR: [(d) => `+33 1 42 68 ${d(2)} ${d(2)}`, (d) => `01 42 68 ${d(2)} ${d(2)}`],
  JP: [(d) => `+81 3-${d(4)}-${d(4)}`, (d) => `03-${d(4)}-${d(4)}`],
  AU: [(d) => `+61 2 9374 ${d(4)}`, (d) => `(02) 9374 ${d(4)}`],
};

export function pickCountry(random: Random): Country {
  let roll = random.next();
  for (const [country, weight] of COUNTRY_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return country;
  }
  return "US";
}

export function countrySpelling(random: Random, country: Country): string {
  return random.pick(COUNTRY_SPELLINGS[country]);
}

/** A phone number of the country in one of the ways people type them, now and then garbage. */
export function messyPhone(random: Random, country: Country): string {
  if (random.chance(0.03)) return random.pick(GARBAGE);
  return random.pick(FORMATS[country])(random.digits);
}

/** An email in the casing people type it in. */
export function messyEmail(random: Random, first: string | null, last: string, domain: string) {
  const local = [first && asciiSlug(first), asciiSlug(last)].filter(Boolean).join(".");
  const email = `${local || `contact${random.digits(5)}`}@${domain}`;
  if (random.chance(0.05)) return email.toUpperCase();
  if (random.chance(0.15))
    return email.replace(/(^|[.@])([a-z])/g, (_, s: string, c: string) => s + c.toUpperCase());
  return email;
}

export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase();
}
