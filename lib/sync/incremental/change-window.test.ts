import { describe, expect, test } from "vitest";
import {
  changesSoql,
  comparePositions,
  nextWindow,
  normaliseModstamp,
  readFrom,
} from "@/lib/sync/incremental/change-window";

const at = "2025-01-06T09:00:00.000Z";
const position = { modstamp: at, id: "0035g000000008eAAA" };

describe("the change window of an incremental pass", () => {
  test("reads on strictly after the last record applied, ties by Id", () => {
    expect(changesSoql("Contact", readFrom(position, false, 300_000))).toBe(
      "SELECT Id, IsDeleted, MasterRecordId, SystemModstamp FROM Contact WHERE (SystemModstamp > 2025-01-06T09:00:00.000Z OR (SystemModstamp = 2025-01-06T09:00:00.000Z AND Id > '0035g000000008eAAA')) ORDER BY SystemModstamp, Id",
    );
  });

  test("re-reads the overlap below the position while its window is open", () => {
    const open = { ...position, windowUntil: "2025-01-06T09:05:00.000Z" };
    expect(readFrom(open, false, 300_000)).toEqual({
      kind: "since",
      modstamp: "2025-01-06T08:55:00.000Z",
    });
    expect(changesSoql("Account", readFrom(open, false, 300_000))).toBe(
      "SELECT Id, IsDeleted, SystemModstamp FROM Account WHERE SystemModstamp >= 2025-01-06T08:55:00.000Z ORDER BY SystemModstamp, Id",
    );
  });

  test("resumes a stopped pass exactly, even with the window open", () => {
    const open = { ...position, windowUntil: "2025-01-06T09:05:00.000Z" };
    expect(readFrom(open, true, 300_000)).toEqual({ kind: "after", position: open });
  });

  test("closes the window once a pass started after it, and reopens it when positions move", () => {
    const started = Date.parse("2025-01-06T09:06:00.000Z");
    expect(nextWindow("2025-01-06T09:05:00.000Z", false, started, 300_000)).toBeUndefined();
    expect(nextWindow("2025-01-06T09:07:00.000Z", false, started, 300_000)).toBe(
      "2025-01-06T09:07:00.000Z",
    );
    expect(nextWindow(undefined, true, started, 300_000)).toBe("2025-01-06T09:11:00.000Z");
    expect(nextWindow(undefined, true, started, 0)).toBeUndefined();
  });

  test("orders positions by SystemModstamp, then Id, whatever the timestamp's spelling", () => {
    expect(normaliseModstamp("2025-01-06T09:00:00.000+0000")).toBe(at);
    const later = { modstamp: at, id: "0035g000000008fAAA" };
    expect(comparePositions(position, later)).toBeLessThan(0);
    expect(comparePositions(later, position)).toBeGreaterThan(0);
    expect(comparePositions(position, { ...position })).toBe(0);
  });
});
