import { describe, expect, test } from "vitest";

import { checksumSuffix, makeId, normalizeId } from "./ids";

describe("Salesforce Ids", () => {
  test("computes the case-safe suffix of real Ids", () => {
    expect(checksumSuffix("750Hn00000OUfXP")).toBe("IA1");
    expect(checksumSuffix("750R0000000zlh9")).toBe("IAA");
    expect(checksumSuffix("012000000000000")).toBe("AAA");
  });

  test("makes 18-character Ids with the key prefix that sort in creation order", () => {
    expect(makeId("003", 1)).toBe("0035g0000000001AAA");
    expect(makeId("001", 10)).toBe("0015g000000000AAAQ");
    const ids = [1, 9, 10, 35, 36, 61, 62, 3843, 3844].map((n) => makeId("07k", n));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => id.length === 18 && id.startsWith("07k"))).toBe(true);
  });

  test("normalises 15-character Ids and rejects a wrong suffix", () => {
    expect(normalizeId("750Hn00000OUfXP")).toBe("750Hn00000OUfXPIA1");
    expect(normalizeId("750Hn00000OUfXPia1")).toBe("750Hn00000OUfXPIA1");
    expect(normalizeId("750Hn00000OUfXPAAA")).toBeNull();
    expect(normalizeId("not an id")).toBeNull();
  });
});
