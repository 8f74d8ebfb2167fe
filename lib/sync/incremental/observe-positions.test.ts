import { expect, test } from "vitest";
import { observePositions } from "@/lib/sync/incremental/observe-positions";
import type { SalesforceRecord } from "@/lib/sync/record";
import type { ContactSource } from "@/lib/sync/source";

// A full run notes the newest (SystemModstamp, Id) of what it fetched, the cursor the next
// incremental run starts from. Pages come here as a source yields them; no HTTP is involved.

function sourceOf(pages: SalesforceRecord[][]): ContactSource {
  return {
    describes: () => Promise.reject(new Error("not used")),
    query: () => ({
      async *[Symbol.asyncIterator]() {
        for (const records of pages) yield { records, totalSize: 0, done: false };
      },
    }),
  };
}

async function readAll(source: ContactSource) {
  for await (const page of source.query("SELECT Id FROM Contact")) void page;
}

const contact = (id: string, modstamp: string) => ({
  attributes: { type: "Contact" },
  Id: id,
  SystemModstamp: modstamp,
});

test("notes the newest contact whatever the order, ties going to the higher Id", async () => {
  const observed = observePositions(
    sourceOf([
      [
        contact("003000000000002AAA", "2024-05-01T12:00:00.000Z"),
        contact("003000000000009AAA", "2024-03-01T08:00:00.000Z"),
        contact("003000000000001AAA", "2024-05-02T09:30:00.000Z"),
      ],
      [
        contact("003000000000003AAA", "2024-05-02T09:30:00.000Z"),
        contact("003000000000004AAA", "2024-04-30T23:59:59.999Z"),
        contact("003000000000000AAA", "2024-05-02T09:30:00.000Z"),
      ],
    ]),
  );

  await readAll(observed.source);

  expect(observed.positions()).toEqual({
    Contact: { modstamp: "2024-05-02T09:30:00.000Z", id: "003000000000003AAA" },
  });
});

test("reads REST's +0000 stamps and relations, and compares stamps of either form as times", async () => {
  const relation = (id: string, modstamp: string, contactModstamp: string) => ({
    attributes: { type: "AccountContactRelation" },
    Id: id,
    ContactId: `003${id.slice(3)}`,
    SystemModstamp: modstamp,
    Contact: { Id: `003${id.slice(3)}`, SystemModstamp: contactModstamp },
  });
  const observed = observePositions(
    sourceOf([
      [
        relation("07k000000000001AAA", "2024-05-01T12:00:00.000Z", "2024-01-01T00:00:00.000Z"),
        relation("07k000000000002AAA", "2024-05-01T11:59:59.000Z", "2024-06-01T00:00:00.000Z"),
      ],
      // The same time as the newest, written as REST writes it: it sorts before it as text, and
      // its higher Id wins the tie.
      [
        relation(
          "07k000000000003AAA",
          "2024-05-01T12:00:00.000+0000",
          "2023-12-31T23:00:00.000+0000",
        ),
      ],
    ]),
  );

  await readAll(observed.source);

  expect(observed.positions()).toEqual({
    Contact: { modstamp: "2024-06-01T00:00:00.000Z", id: "003000000000002AAA" },
    AccountContactRelation: { modstamp: "2024-05-01T12:00:00.000Z", id: "07k000000000003AAA" },
  });
});

test("refuses a stamp that is not a time", async () => {
  const observed = observePositions(
    sourceOf([
      [contact("003000000000001AAA", "2024-05-01T12:00:00.000Z")],
      [contact("003000000000002AAA", "yesterday")],
    ]),
  );

  await expect(readAll(observed.source)).rejects.toThrow("Not a SystemModstamp: yesterday");
});

test("gives odd stamps to Date.parse, as a stamp that could be the newest is", async () => {
  const newest = async (stamps: [id: string, modstamp: string][]) => {
    const observed = observePositions(sourceOf([stamps.map(([id, m]) => contact(id, m))]));
    await readAll(observed.source);
    return observed.positions().Contact;
  };

  // Each sorts before the first as text, but is not earlier as a time.
  expect(
    await newest([
      ["003000000000001AAA", "2024-03-01T00:00:00.000Z"],
      ["003000000000002AAA", "2024-02-31T00:00:00.000Z"],
    ]),
  ).toEqual({ modstamp: "2024-03-02T00:00:00.000Z", id: "003000000000002AAA" });
  expect(
    await newest([
      ["003000000000001AAA", "2024-05-01T12:00:00.000Z"],
      ["003000000000002AAA", "2024-05-01 13:00:00.000Z"],
    ]),
  ).toEqual({ modstamp: "2024-05-01T13:00:00.000Z", id: "003000000000002AAA" });
  expect(
    await newest([
      ["003000000000001AAA", "2024-05-02T00:00:00.000Z"],
      ["003000000000002AAA", "2024-05-01T24:00:00.000Z"],
    ]),
  ).toEqual({ modstamp: "2024-05-02T00:00:00.000Z", id: "003000000000002AAA" });
  await expect(
    newest([
      ["003000000000001AAA", "2024-05-01T12:00:00.000Z"],
      ["003000000000002AAA", "2024-05-01T99:99:99.999Z"],
    ]),
  ).rejects.toThrow("Not a SystemModstamp: 2024-05-01T99:99:99.999Z");
});
