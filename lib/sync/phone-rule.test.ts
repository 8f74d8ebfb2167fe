import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import examples from "libphonenumber-js/examples.mobile.json";
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
} from "libphonenumber-js/max";
import { e164Of } from "@/lib/sync/phone-rule.mjs";
import { messyPhone, pickCountry } from "@/sandbox/seed/phones";
import { createRandom } from "@/sandbox/seed/random";

// The library's own answer, with its full parse: what e164Of must equal on every input.
function libraryRule(raw: string, country: CountryCode | null): string | null {
  const parsed = parsePhoneNumberFromString(raw, country ?? undefined);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

function mismatches(cases: [string, CountryCode | null][]) {
  return cases
    .map(([raw, country]) => ({ raw, country, ours: e164Of(raw, country) }))
    .filter(({ raw, country, ours }) => ours !== libraryRule(raw, country));
}

const SAMPLES = fileURLToPath(new URL("../../../shared/salesforce-samples/", import.meta.url));

function samplePhones(): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key = "") => {
    if (typeof value === "string" && /phone$/i.test(key)) found.add(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const file of readdirSync(SAMPLES, { recursive: true, encoding: "utf8" })) {
    if (file.endsWith(".json")) walk(JSON.parse(readFileSync(`${SAMPLES}/${file}`, "utf8")));
  }
  return [...found];
}

describe("e164Of", () => {
  test("gives the library's own answer for every phone number in the samples", () => {
    const phones = samplePhones();
    expect(phones.length).toBeGreaterThan(100);
    const cases = phones.flatMap((raw) =>
      (["US", "GB", "DE", null] as const).map((c): [string, CountryCode | null] => [raw, c]),
    );
    expect(mismatches(cases)).toEqual([]);
  });

  test("gives the library's own answer for numbers of every country that shares a calling code", () => {
    const byCode = new Map<string, CountryCode[]>();
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country);
      byCode.set(code, [...(byCode.get(code) ?? []), country]);
    }
    const shared = [...byCode.values()].filter((countries) => countries.length > 1);
    expect(shared.flat()).toEqual(expect.arrayContaining(["US", "CA", "PR", "GB", "JE", "KZ"]));

    const cases: [string, CountryCode | null][] = [];
    for (const countries of shared) {
      for (const country of countries) {
        const example = getExampleNumber(country, examples);
        if (!example) continue;
        const written = [
          example.number,
          example.formatInternational(),
          example.formatNational(),
          example.nationalNumber,
          `${example.nationalNumber}9`,
          example.nationalNumber.slice(0, -2),
          example.nationalNumber.slice(0, -3),
          // Short numbers behind a national prefix, stripped or not depending on the country.
          `1${example.nationalNumber.slice(0, -3)}`,
          `0${example.nationalNumber.slice(0, -3)}`,
          `+${example.countryCallingCode} 1 ${example.nationalNumber.slice(0, -3)}`,
          `+${example.countryCallingCode} 0 ${example.nationalNumber.slice(0, -3)}`,
        ];
        for (const raw of written) {
          for (const reader of [...countries, null]) cases.push([raw, reader]);
        }
      }
    }
    expect(cases.length).toBeGreaterThan(1000);
    expect(mismatches(cases)).toEqual([]);
  });

  test("gives the library's own answer for the sandbox generator's numbers, garbage included", () => {
    const random = createRandom(11);
    const iso = { US: "US", UK: "GB", DE: "DE", FR: "FR", JP: "JP", AU: "AU" } as const;
    const cases: [string, CountryCode | null][] = [];
    for (let i = 0; i < 20_000; i++) {
      const country = pickCountry(random);
      cases.push([messyPhone(random, country), random.chance(0.3) ? "US" : iso[country]]);
    }
    expect(mismatches(cases)).toEqual([]);
  });

  test("keeps a Canadian, a Puerto Rican and a Jersey number in their calling code", () => {
    expect(e164Of("(604) 555-0143", "CA")).toBe("+16045550143");
    // Seven digits are a possible length in Canada and nowhere else on +1.
    expect(e164Of("555-0143", "CA")).toBe("+15550143");
    expect(e164Of("555-0143", "US")).toBeNull();
    // ...also behind the national prefix 1, which only Canada's lengths let the parse strip.
    expect(e164Of("15062345", "CA")).toBe("+15062345");
    expect(e164Of("+1 1 310 1234", null)).toBe("+13101234");
    expect(e164Of("787-555-0143", "PR")).toBe("+17875550143");
    expect(e164Of("01534 456789", "JE")).toBe("+441534456789");
    expect(e164Of("+7 701 234 5678", null)).toBe("+77012345678");
    expect(e164Of("555-01", "US")).toBeNull();
  });
});
