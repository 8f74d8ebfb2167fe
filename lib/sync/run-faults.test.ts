import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { loadConnection } from "@/lib/salesforce-connections/store";
import { lazySource } from "@/lib/sync/lazy-source";
import { openContactSource } from "@/lib/sync/salesforce-source";
import {
  apexManagers,
  beforeRequest,
  createOrganisationFor,
  FIRST_PAGE,
  recordingSource,
  saveAnswers,
  snapshotPeople,
  startSampleSandbox,
  syncNow,
} from "@/lib/sync/test-org";
import type { Sandbox } from "@/sandbox/index";

// Each fault hits the run after a first one synced apex-recipes' managers and Glen Gair's email
// changed in Salesforce, so the failed run had something to write and must not have written it.

const GLEN = "0035g000000000zAAA";

describeEachDatabase("a sync run that meets a fault", (database) => {
  let sandbox: Sandbox;
  let organisations = 0;
  let stopWatching = () => {};
  beforeAll(async () => {
    sandbox = await startSampleSandbox(["apex-recipes"], {
      customFields: [{ object: "Contact", name: "Region__c", type: "string", hidden: true }],
    });
  });
  afterEach(() => {
    stopWatching();
    sandbox.faults.reset();
    sandbox.org.update("Contact", GLEN, { Email: "ggair1o@ftc.gov" });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  async function syncedOrganisation() {
    const { db } = database();
    organisations += 1;
    const name = `Apex Faults ${organisations}`;
    const organisationId = await createOrganisationFor(db, sandbox, { name });
    await saveAnswers(db, organisationId, apexManagers);
    const first = await syncNow(db, organisationId);
    expect(first.status).toBe("succeeded");
    sandbox.org.update("Contact", GLEN, { Email: "glen.gair@ftc.gov" });
    return { db, organisationId, before: await snapshotPeople(db, organisationId) };
  }

  /** Plans the fault on the request for the first page of contacts, and runs. */
  async function expectFailedRun(plant: () => void, error: string | RegExp) {
    const { db, organisationId, before } = await syncedOrganisation();
    stopWatching = beforeRequest(FIRST_PAGE, plant);

    const result = await syncNow(db, organisationId);

    expect(result.status).toBe("failed");
    expect(result.run.status).toBe("failed");
    expect(result.run.finishedAt).toBeInstanceOf(Date);
    expect(result.status === "failed" && result.error).toMatch(error);
    expect(result.run.error).toMatch(error);
    expect(await snapshotPeople(db, organisationId)).toEqual(before);
    return { db, organisationId };
  }

  test("fails when the connection drops in the middle of the page, on every retry", async () => {
    await expectFailedRun(
      () => [1, 2, 3, 4].forEach((nth) => sandbox.faults.cutConnection(nth, "query", 0.5)),
      /^The connection to Salesforce failed \(connection reset\) after 4 attempt\(s\): http:\/\/127\.0\.0\.1:\d+\/services\/data\/v62\.0\/query\. People were left as they were\. Run the sync again\.$/,
    );
  });

  test("retries a page whose connection dropped once, and succeeds", async () => {
    const { db, organisationId } = await syncedOrganisation();
    stopWatching = beforeRequest(FIRST_PAGE, () => sandbox.faults.cutConnection(1, "query", 0.5));

    const result = await syncNow(db, organisationId);

    expect(result.status === "succeeded" && result.run.counts?.update).toBe(1);
  });

  test("fails on a 500 from Salesforce on the request for the contacts", async () => {
    const failure = {
      status: 500,
      errorCode: "UNKNOWN_EXCEPTION",
      message: "An unexpected error occurred.",
    };
    await expectFailedRun(
      () => sandbox.faults.failRequest(1, failure),
      "Salesforce answered UNKNOWN_EXCEPTION: An unexpected error occurred. People were left as they were. Run the sync again.",
    );
  });

  test("fails on QUERY_TIMEOUT with what to change", async () => {
    await expectFailedRun(
      () => sandbox.faults.queryTimeout(1),
      "Salesforce stopped the query because it ran too long. Narrow the contact filters, or use the Bulk API for a large org. People were left as they were.",
    );
  });

  test("pauses on REQUEST_LIMIT_EXCEEDED when the org's requests run out during the run", async () => {
    const { db, organisationId, before } = await syncedOrganisation();
    stopWatching = beforeRequest(FIRST_PAGE, () => sandbox.faults.exhaustApiAfter(0));

    const result = await syncNow(db, organisationId);

    expect([result.status, result.run.status]).toEqual(["paused_api_limit", "paused_api_limit"]);
    expect(result.run.error).toBe(
      "Paused: Salesforce refused further API requests: the org has used all of its daily API " +
        "requests. Nothing was changed; the next run starts this full sync again.",
    );
    expect(await snapshotPeople(db, organisationId)).toEqual(before);
  });

  test("signs in again when Salesforce has expired the session, and succeeds", async () => {
    const { db, organisationId } = await syncedOrganisation();
    const before = await loadConnection(db, organisationId);
    sandbox.faults.expireSessions();

    const result = await syncNow(db, organisationId);

    expect(result.status === "succeeded" && result.run.counts?.update).toBe(1);
    const after = await loadConnection(db, organisationId);
    expect(after!.secrets.accessToken).toBeTruthy();
    expect(after!.secrets.accessToken).not.toBe(before!.secrets.accessToken);
  });

  test("reports a hidden field and a missing one before fetching anything", async () => {
    const { db, organisationId, before } = await syncedOrganisation();
    await saveAnswers(db, organisationId, {
      ...apexManagers,
      filters: {
        groups: [
          {
            rules: [
              { field: "Title", match: "contains", values: ["manager"] },
              { field: "Region__c", match: "equals", values: ["EMEA"] },
            ],
          },
        ],
      },
      additional: {
        customFieldMappings: [
          { salesforceField: "Preferred_Language__c", personField: "language" },
        ],
        rules: { requireEmail: true, requirePhone: false, onNoLongerMatching: "archive" },
        notes: "",
      },
    });
    const queries: string[] = [];
    const source = recordingSource(
      lazySource(() => openContactSource(db, organisationId)),
      queries,
    );

    const result = await syncNow(db, organisationId, source);

    expect(result.status === "failed" && result.error).toBe(
      "The sync config does not fit the org: " +
        "The field Region__c does not exist on Contact or is hidden from the integration user. " +
        "The field Preferred_Language__c does not exist on Contact or is hidden from the integration user.",
    );
    expect(queries).toEqual([]);
    expect(await snapshotPeople(db, organisationId)).toEqual(before);
  });
});
