import { describe, expect, test } from "vitest";
import { resolveCountryCode } from "@/lib/sync/countries";
import { collectPhones, normalisePhone, uniqueLookups } from "@/lib/sync/phones";
import { readSyncRow } from "@/lib/sync/record";

describe("resolveCountryCode", () => {
  test("reads ISO codes, English and local names, and common abbreviations", () => {
    const cases: [string, string | null][] = [
      ["US", "US"],
      ["us", "US"],
      ["USA", "US"],
      ["U.S.A.", "US"],
      ["United States", "US"],
      ["United States of America", "US"],
      ["UK", "GB"],
      ["U.K.", "GB"],
      ["United Kingdom", "GB"],
      ["England", "GB"],
      ["GB", "GB"],
      ["GBR", "GB"],
      ["Germany", "DE"],
      ["Deutschland", "DE"],
      ["DEU", "DE"],
      ["Österreich", "AT"],
      ["france", "FR"],
      ["Côte d'Ivoire", "CI"],
      ["Myanmar", "MM"],
      ["Atlantis", null],
      ["", null],
    ];
    for (const [name, code] of cases)
      expect([name, resolveCountryCode(name)]).toEqual([name, code]);
  });
});

describe("normalisePhone", () => {
  test("reads national numbers in the given country and international ones as written", () => {
    expect(normalisePhone("(415) 555-2671", "US")).toBe("+14155552671");
    expect(normalisePhone("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalisePhone("030 1234567", "DE")).toBe("+49301234567");
    expect(normalisePhone("+44 20 7946 0958", "US")).toBe("+442079460958");
    expect(normalisePhone("0049 30 1234567", "GB")).toBe("+49301234567");
  });

  test("gives null for what is not a phone number", () => {
    expect(normalisePhone("n/a", "US")).toBeNull();
    expect(normalisePhone("12", "US")).toBeNull();
    expect(normalisePhone("020 7946 0958", null)).toBeNull();
  });
});

describe("collectPhones", () => {
  test("drops blanks, keeps a number shared by two fields once, and keeps unreadable ones raw", () => {
    const row = readSyncRow({
      Id: "003000000000001AAA",
      Phone: "(415) 555-2671",
      MobilePhone: "  ",
      OtherPhone: "+1 415-555-2671",
      HomePhone: "n/a",
      AssistantPhone: null,
    });
    const result = collectPhones(
      [
        { field: "Phone", type: "work" },
        { field: "MobilePhone", type: "mobile" },
        { field: "OtherPhone", type: "other" },
        { field: "HomePhone", type: "home" },
        { field: "AssistantPhone", type: "assistant" },
      ],
      row,
      "US",
    );

    expect(result.phones).toEqual([
      { type: "work", raw: "(415) 555-2671", e164: "+14155552671", sourceField: "Phone" },
      { type: "home", raw: "n/a", e164: null, sourceField: "HomePhone" },
    ]);
    expect(result.traces.map((t) => [t.field, t.outcome, t.sameAs])).toEqual([
      ["Phone", "normalised", null],
      ["MobilePhone", "blank", null],
      ["OtherPhone", "duplicate", "Phone"],
      ["HomePhone", "unreadable", null],
      ["AssistantPhone", "blank", null],
    ]);
  });
});

test("a page's lookups ask each number once in each country, in the order first asked", () => {
  const lookups = uniqueLookups([
    ["(415) 555-2671", "US"],
    ["020 7946 0018", "GB"],
    ["(415) 555-2671", "US"],
    ["(415) 555-2671", "CA"],
    ["020 7946 0018", null],
    ["020 7946 0018", "GB"],
  ]);

  expect(lookups).toEqual([
    ["(415) 555-2671", "US"],
    ["020 7946 0018", "GB"],
    ["(415) 555-2671", "CA"],
    ["020 7946 0018", null],
  ]);
});
