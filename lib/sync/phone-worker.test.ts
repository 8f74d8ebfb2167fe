import { afterAll, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { peopleContent, runSync } from "@/lib/sync/incremental/test-support";
import { e164Of } from "@/lib/sync/phone-rule.mjs";
import { type PhoneNormaliser, startPhoneWorker } from "@/lib/sync/phone-worker";
import type { PhoneLookup } from "@/lib/sync/phones";
import { createOrganisationFor, noRequirements, saveAnswers } from "@/lib/sync/test-org";
import { type Sandbox, startSandbox } from "@/sandbox/index";

let phones: PhoneNormaliser;
beforeAll(() => {
  phones = startPhoneWorker();
});
afterAll(() => phones.close());

test("the worker thread answers as the main thread's rule does, in order", async () => {
  const lookups: PhoneLookup[] = [
    ["(415) 555-2671", "US"],
    ["+44 20 7946 0961", null],
    ["07700 900841", "GB"],
    ["030 5023972", "DE"],
    ["0044 20 7946 0961", "DE"],
    ["555-1234", "US"],
    ["n/a", "US"],
    ["(415) 555-2671", null],
  ];
  const answers = await phones.normalise(lookups);

  expect(answers).toEqual(lookups.map(([raw, country]) => e164Of(raw, country)));
  expect(answers).toEqual([
    "+14155552671",
    "+442079460961",
    "+447700900841",
    "+49305023972",
    "+442079460961",
    null,
    null,
    null,
  ]);
});

describeEachDatabase("a full run with phones on a worker thread", (database) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ generate: { contacts: 4500, accounts: 90, seed: 21 } });
  });
  afterAll(() => sandbox?.close());

  test("writes exactly the People of a run that parses them itself, over several pages", async () => {
    const { db } = database();
    // Multi-account: a contact on several accounts comes once per account, its numbers asked once.
    const answers = {
      multiAccount: { enabled: true, includeInactiveRelations: false },
      additional: noRequirements,
      phones: [
        { field: "Phone", type: "work" as const },
        { field: "MobilePhone", type: "mobile" as const },
      ],
    };
    const threaded = await createOrganisationFor(db, sandbox, { name: "Phones on a thread" });
    const inline = await createOrganisationFor(db, sandbox, { name: "Phones inline" });
    await saveAnswers(db, threaded, answers);
    await saveAnswers(db, inline, answers);

    const withWorker = await runSync(db, threaded, { phones, source: { bulkThreshold: Infinity } });
    const without = await runSync(db, inline, { source: { bulkThreshold: Infinity } });

    expect([withWorker.status, without.status]).toEqual(["succeeded", "succeeded"]);
    const people = await peopleContent(db, threaded);
    expect(people.length).toBeGreaterThan(3500);
    expect(people.some((person) => person.phones.some((phone) => phone.e164))).toBe(true);
    expect(people).toEqual(await peopleContent(db, inline));
  });
});
