import { describe, expect, test } from "vitest";
import { askedEarly } from "@/lib/sync/asked-early";
import type { QueryPage } from "@/lib/sync/source";

const page = (id: string, done: boolean): QueryPage => ({
  records: [{ Id: id }],
  totalSize: 2,
  done,
});

/** A query that notes when each page is asked for and when it is given up. */
function notingQuery(events: string[], fail = false): AsyncIterable<QueryPage> {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        events.push("first asked");
        if (fail) throw new Error("INVALID_FIELD: No such column 'Nope'");
        yield page("a", false);
        events.push("second asked");
        yield page("b", true);
      } finally {
        events.push("closed");
      }
    },
  };
}

describe("askedEarly", () => {
  test("asks for the first page at once and reads every page in order", async () => {
    const events: string[] = [];
    const early = askedEarly(notingQuery(events));
    await Promise.resolve();
    expect(events).toEqual(["first asked"]);

    const ids: unknown[] = [];
    for await (const { records } of early.pages) ids.push(records[0]!.Id);
    expect(ids).toEqual(["a", "b"]);
    expect(events).toEqual(["first asked", "second asked", "closed"]);
  });

  test("gives the query up when the caller fails before reading it", async () => {
    const events: string[] = [];
    const early = askedEarly(notingQuery(events));
    await early.close();
    expect(events).toEqual(["first asked", "closed"]);
  });

  test("throws the first page's failure when read, not before", async () => {
    const events: string[] = [];
    const early = askedEarly(notingQuery(events, true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(async () => {
      for await (const _ of early.pages) void _;
    }).rejects.toThrow("INVALID_FIELD: No such column 'Nope'");
    expect(events).toEqual(["first asked", "closed"]);
  });

  test("gives the query up when its reader stops part-way", async () => {
    const events: string[] = [];
    const early = askedEarly(notingQuery(events));
    for await (const _ of early.pages) break;
    expect(events).toEqual(["first asked", "closed"]);
  });
});
