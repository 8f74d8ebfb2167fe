import { describe, expect, test } from "vitest";
import { csvRows, parseCsv } from "@/lib/salesforce/csv";

describe("parseCsv", () => {
  test("reads quoted fields with delimiters, doubled quotes and line breaks inside", () => {
    const text =
      '"Id","LastName","Title"\n' +
      '"0035g000000000QAAQ","O\'Carney","Manager, ""Billing"""\r\n' +
      '"0035g000000000zAAA","Gair","Line one\nline two"\n';

    expect(parseCsv(text)).toEqual([
      ["Id", "LastName", "Title"],
      ["0035g000000000QAAQ", "O'Carney", 'Manager, "Billing"'],
      ["0035g000000000zAAA", "Gair", "Line one\nline two"],
    ]);
  });

  test("keeps empty fields and a last line without a line break", () => {
    expect(parseCsv("a,,c\n,,\nx,y,z")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
      ["x", "y", "z"],
    ]);
  });

  test("reads a field that continues after its closing quote as Bulk API's reader would", () => {
    expect(parseCsv('"jl"inney@globo.com,1\r\n')).toEqual([["jlinney@globo.com", "1"]]);
  });
});

describe("csvRows", () => {
  const text =
    '"Id","LastName","Title"\r\n' +
    '"0035g000000000QAAQ","O\'Carney","Manager, ""Billing"""\r\n' +
    '"0035g000000000zAAA","Gair","Line one\nline two"\n' +
    "a,,c\n" +
    '"x","y","""z"""';

  test("reads a text cut into pieces anywhere exactly as the whole text", () => {
    const whole = parseCsv(text);
    expect(whole).toHaveLength(5);
    for (let size = 1; size <= text.length; size++) {
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
      expect([size, [...csvRows(pieces)]]).toEqual([size, whole]);
    }
  });

  test("reads a CRLF or a doubled quote split between two pieces once", () => {
    expect([...csvRows(['a,"b"', '"c"\r', "\nd,e\r", "\n"])]).toEqual([
      ["a", 'b"c'],
      ["d", "e"],
    ]);
  });
});
