import { describe, expect, test } from "vitest";
import { escapeSoqlLike, escapeSoqlString, quoteSoql } from "@/lib/sync/escape";

describe("escapeSoqlString", () => {
  test("escapes the backslash first, then quotes", () => {
    expect(escapeSoqlString("O'Carney")).toBe("O\\'Carney");
    expect(escapeSoqlString("a\\b")).toBe("a\\\\b");
    // A backslash before a quote stays a backslash and a quote, not an escaped quote.
    expect(escapeSoqlString("\\'")).toBe("\\\\\\'");
    expect(quoteSoql('say "hi"')).toBe("'say \\\"hi\\\"'");
  });

  test("writes control characters as Salesforce's escape sequences", () => {
    expect(escapeSoqlString("line\nbreak\r\ttab\b\f")).toBe("line\\nbreak\\r\\ttab\\b\\f");
    expect(escapeSoqlString("bell\u0007")).toBe("bell\\u0007");
  });

  test("leaves LIKE wildcards alone outside LIKE", () => {
    expect(escapeSoqlString("50%_off")).toBe("50%_off");
  });
});

describe("escapeSoqlLike", () => {
  test("escapes % and _ so they match themselves", () => {
    expect(escapeSoqlLike("50%_off")).toBe("50\\%\\_off");
    expect(escapeSoqlLike("it's 100\\%")).toBe("it\\'s 100\\\\\\%");
  });
});
