// The one rule that turns a phone number as written into E.164, shared by lib/sync/phones.ts
// and the worker thread of lib/sync/phone-worker.ts. Plain JavaScript so that a worker thread
// can load it without a TypeScript loader.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * A national number is read in `country` (null: only a number written with a + or an
 * international prefix is read). A number is kept when its length fits its country, even if its
 * range is not allocated yet; otherwise null.
 */
export function e164Of(raw, country) {
  const parsed = parsePhoneNumberFromString(raw, country ?? undefined);
  return parsed && parsed.isPossible() ? parsed.number : null;
}
