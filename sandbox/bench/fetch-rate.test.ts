import { describe, expect, test } from "vitest";

import { measureFetchRate } from "./fetch-rate";

describe("measureFetchRate", () => {
  test("jsforce pages through 20,000 generated contacts far faster than a real org serves them", async () => {
    const rate = await measureFetchRate({ contacts: 20_000 });
    expect(rate.pages).toBe(Math.ceil(rate.records / 2000));
    expect(rate.records).toBeGreaterThan(19_000);
    expect(rate.recordsPerSecond).toBeGreaterThan(5_000);
  });
});
