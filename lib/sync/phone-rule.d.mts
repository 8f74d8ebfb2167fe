import type { CountryCode } from "libphonenumber-js/max";

export function e164Of(raw: string, country: CountryCode | null): string | null;
