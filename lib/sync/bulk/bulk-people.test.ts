import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { createSalesforceConnection, queryAllRecords } from "@/lib/salesforce";
import { clientCredentials } from "@/lib/salesforce/test-support";
import { queryBySize } from "@/lib/sync/bulk/query-by-size";
import type { SyncConfig } from "@/lib/sync/config";
import { peopleContent, runSync } from "@/lib/sync/incremental/test-support";
import { createOrganisationFor, noRequirements, saveAnswers } from "@/lib/sync/test-org";
import { type Sandbox, startSandbox } from "@/sandbox/index";

// The same org synced over REST pages and over Bulk API 2.0 gives the same People.

const byContact: Partial<SyncConfig> = {
  additional: {
    ...noRequirements,
    customFieldMappings: [{ salesforceField: "Account.Type", personField: "accountType" }],
  },
};
const byRelation: Partial<SyncConfig> = {
  ...byContact,
  multiAccount: { enabled: true, includeInactiveRelations: true },
  positions: {
    mode: "field",
    field: "AccountContactRelation.Roles",
    valueMap: [],
    unmapped: "create",
  },
};

describeEachDatabase("a full run over Bulk API 2.0", (database) => {
  let sandbox: Sandbox;
  let rest: string;
  let bulk: string;

  beforeAll(async () => {
    sandbox = await startSandbox({
      generate: { contacts: 1500, accounts: 60, seed: 9 },
      tokenTtlSeconds: 3600,
    });
    rest = await createOrganisationFor(database().db, sandbox, { name: "Over REST" });
    bulk = await createOrganisationFor(database().db, sandbox, { name: "Over Bulk" });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  async function syncBoth(answers: Partial<SyncConfig>) {
    const { db } = database();
    await saveAnswers(db, rest, answers);
    await saveAnswers(db, bulk, answers);
    const transports: string[] = [];
    const onTransport = (transport: string) => void transports.push(transport);

    const overRest = await runSync(db, rest, { source: { bulkThreshold: Infinity } });
    const callsBefore = sandbox.stats.apiCalls;
    const overBulk = await runSync(db, bulk, {
      source: { bulkThreshold: 1000, bulkPollIntervalMs: 5, onTransport },
    });

    expect([overRest.status, overBulk.status]).toEqual(["succeeded", "succeeded"]);
    expect(transports).toEqual(["bulk"]);
    expect(await peopleContent(db, bulk)).toEqual(await peopleContent(db, rest));
    return { calls: sandbox.stats.apiCalls - callsBefore, people: await peopleContent(db, bulk) };
  }

  test("places contacts the same way, in eleven API calls", async () => {
    const { calls, people } = await syncBoth(byContact);
    expect(people.length).toBeGreaterThan(1000);
    // /limits, 3 describes, the newest account (the cursor), the count, the Bulk job's 5 calls.
    expect(calls).toBe(11);
  });

  test("places relations, with their roles as positions, the same way", async () => {
    const { people } = await syncBoth(byRelation);
    expect(people.some((person) => person.positions.length > 1)).toBe(true);
  });
});

describe("queryBySize", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ generate: { contacts: 60, seed: 4 } });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  test("falls back to REST for a compound address field, which Bulk cannot return", async () => {
    const connection = createSalesforceConnection(clientCredentials(sandbox));
    const soql = "SELECT Id, MailingAddress FROM Contact ORDER BY Id";
    const transports: string[] = [];
    const records = [];
    const pages = queryBySize(connection, soql, {
      bulkThreshold: 10,
      onTransport: (transport) => void transports.push(transport),
    });
    for await (const page of pages) records.push(...page.records);

    expect(transports).toEqual(["rest"]);
    expect(records).toEqual(await queryAllRecords(connection, soql));
    expect(records.some((record) => record.MailingAddress !== null)).toBe(true);
  });
});
