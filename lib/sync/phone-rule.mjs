// The one rule that turns a phone number as written into E.164, shared by lib/sync/phones.ts
// and the worker thread of lib/sync/phone-worker.ts. Plain JavaScript so that a worker thread
// can load it without a TypeScript loader.
import { Metadata, parsePhoneNumberFromString } from "libphonenumber-js/core";
import metadata from "libphonenumber-js/metadata.max.json";

/**
 * A national number is read in `country` (null: only a number written with a + or an
 * international prefix is read). A number is kept when its length fits its country, even if its
 * range is not allocated yet; otherwise null.
 */
export function e164Of(raw, country) {
  const quick = parsePhoneNumberFromString(raw, country ?? undefined, byMainCountry);
  if (quick) {
    const unsettled = unsettledLengths.get(quick.countryCallingCode);
    // A calling code of one country: the quick parse is the full one.
    if (!unsettled) return quick.isPossible() ? quick.number : null;
    if (quick.isPossible() && !unsettled.has(quick.nationalNumber.length)) return quick.number;
  }
  const parsed = parsePhoneNumberFromString(raw, country ?? undefined, metadata);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

// Parsing works out which of the countries sharing a calling code a number belongs to: for +1
// up to 25 regions tried pattern by pattern, about two thirds of a number's time. Once a number
// is possible in its calling code's main country at a length all the countries sharing the code
// allow, the answer does not depend on it: the E.164 form is the calling code and the national
// number, and isPossible() reads only possible lengths. So a number is parsed first with each
// calling code listing only its main country, and parsed again in full when that parse is not
// possible (a national prefix is then kept where another country would strip it: "15062345" in
// Canada) or its length is one only some of those countries allow (7 digits on +1: Canada).
// phone-rule.test.ts holds the answers equal to the library's full parse.
const byMainCountry = {
  ...metadata,
  country_calling_codes: Object.fromEntries(
    Object.entries(metadata.country_calling_codes).map(([code, countries]) => [
      code,
      countries.slice(0, 1),
    ]),
  ),
};

const unsettledLengths = new Map(
  Object.entries(metadata.country_calling_codes)
    .filter(([, countries]) => countries.length > 1)
    .map(([code, countries]) => [code, lengthsOnlySomeAllow(countries)]),
);

function lengthsOnlySomeAllow(countries) {
  const plans = new Metadata(metadata);
  const allowed = countries.map((country) => {
    plans.selectNumberingPlan(country);
    return plans.possibleLengths() ?? null;
  });
  const unsettled = new Set();
  for (let length = 1; length <= 20; length++) {
    const answers = new Set(allowed.map((lengths) => lengths === null || lengths.includes(length)));
    if (answers.size > 1) unsettled.add(length);
  }
  return unsettled;
}
