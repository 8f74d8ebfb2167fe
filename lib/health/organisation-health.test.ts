import { expect, test } from "vitest";
import { salesforceConnections, syncRuns, type SyncRun } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/test-databases";
import { organisationHealth, organisationsHealth } from "@/lib/health/organisation-health";
import { seedConfiguredOrganisation } from "@/lib/jobs/test-support";
import { currentConfig } from "@/lib/sync/config-store";

describeEachDatabase("organisation health", (database) => {
  async function connectedOrganisation() {
    const { db } = database();
    const organisation = await seedConfiguredOrganisation(db);
    await db.insert(salesforceConnections).values({
      organisationId: organisation.id,
      loginUrl: "https://login.salesforce.com",
      authFlow: "client_credentials",
      clientId: "client",
      secretsCiphertext: "x",
    });
    return organisation;
  }

  let minute = 0;
  async function addRuns(organisationId: string, runs: [SyncRun["status"], string | null][]) {
    const { db } = database();
    const config = await currentConfig(db, organisationId);
    for (const [status, error] of runs) {
      minute += 1;
      await db.insert(syncRuns).values({
        organisationId,
        configId: config!.id,
        trigger: "schedule",
        status,
        error,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
      });
    }
  }

  test("needs setup without a connection, and has never run before its first run", async () => {
    const { db } = database();
    const unconnected = await seedConfiguredOrganisation(db);
    const connected = await connectedOrganisation();

    const health = await organisationsHealth(db, [unconnected.id, connected.id]);
    expect(health.get(unconnected.id)).toEqual({
      status: "needs_setup",
      reason: "No Salesforce connection yet: connect the org first.",
    });
    expect(health.get(connected.id)).toEqual({ status: "never_run" });
  });

  test("is failing with the reason when the last two runs failed, and ok after one success", async () => {
    const { db } = database();
    const organisation = await connectedOrganisation();
    const reason = "Salesforce rejected the field Region__c: it does not exist.";

    await addRuns(organisation.id, [
      ["succeeded", null],
      ["failed", "Login refused."],
    ]);
    expect((await organisationHealth(db, organisation.id)).status).toBe("ok");

    await addRuns(organisation.id, [["failed", reason]]);
    expect(await organisationHealth(db, organisation.id)).toMatchObject({
      status: "failing",
      reason,
    });

    await addRuns(organisation.id, [["queued", null]]);
    expect((await organisationHealth(db, organisation.id)).status).toBe("failing");
  });

  test("asks for a confirmation when the last run stopped as a mass removal", async () => {
    const { db } = database();
    const organisation = await connectedOrganisation();
    await addRuns(organisation.id, [["awaiting_confirmation", "This sync would remove 8 of 10"]]);

    expect(await organisationHealth(db, organisation.id)).toMatchObject({
      status: "awaiting_confirmation",
      reason: "This sync would remove 8 of 10",
    });
  });
});
