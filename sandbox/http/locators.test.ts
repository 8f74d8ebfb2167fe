import { describe, expect, test } from "vitest";

import type { QueryOutcome } from "../soql/evaluate";
import { Locators } from "./locators";

const outcome = { totalSize: 0, rows: [] } as unknown as QueryOutcome;
const project = () => ({});

describe("Locators", () => {
  test("keeps at most max cursors, dropping the least recently used", () => {
    const locators = new Locators(2, 60_000);
    const a = locators.open(outcome, project, 2000);
    const b = locators.open(outcome, project, 2000);
    locators.get(a.id);
    const c = locators.open(outcome, project, 2000);
    expect([a, b, c].map((cursor) => Boolean(locators.get(cursor.id)))).toEqual([
      true,
      false,
      true,
    ]);
    expect(a.id).toBe("01g5g0000000001AAA");
  });

  test("expires cursors left idle longer than the time to live", async () => {
    const locators = new Locators(10, 20);
    const cursor = locators.open(outcome, project, 2000);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(locators.get(cursor.id)).toBeUndefined();
  });
});
