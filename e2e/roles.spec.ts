import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "../lib/db/schema";
import { addAgent } from "./support/console";
import {
  callAction,
  captureAction,
  countRows,
  demoOrganisationId,
  expectAccessible,
  sandboxCredentials,
  signIn,
  withDatabase,
} from "./support/journeys";

const VIEWER_REFUSED = "Only agents and admins can do this; your role is viewer.";
const ADMIN_ONLY = "Only an admin can do this.";

async function organisationPages(organisationId: string) {
  const base = `/organisations/${organisationId}`;
  const customer = await withDatabase(async (db) => {
    const [row] = await db
      .select({ id: schema.customers.id })
      .from(schema.customers)
      .where(eq(schema.customers.organisationId, organisationId))
      .limit(1);
    return row!.id;
  });
  return [
    { path: base, heading: "Overview" },
    { path: `${base}/connection`, heading: "Connect Salesforce" },
    { path: `${base}/configure`, heading: "1. Contact matching" },
    { path: `${base}/preview`, heading: "Explain a contact" },
    { path: `${base}/versions`, heading: "Config versions" },
    { path: `${base}/runs`, heading: "Runs" },
    { path: `${base}/customers`, heading: "Customers" },
    { path: `${base}/customers/${customer}`, heading: null },
  ];
}

/** The agent saves the defaults as a first version if nothing is saved yet, so runs can start. */
async function ensureSavedConfig(page: Page, organisationId: string) {
  if ((await countRows("sync_configs", organisationId)) > 0) return;
  await page.goto(`/organisations/${organisationId}/configure`);
  await page.getByRole("button", { name: /Review and save/ }).click();
  await page.getByRole("button", { name: "Save as version 1" }).click();
  await expect(page.getByTestId("wizard-message")).toHaveText("Saved as version 1.");
}

test.describe("roles", () => {
  test("a viewer can open every page but cannot save or run, and the server refuses the actions when called directly", async ({
    page,
    browser,
  }) => {
    const organisationId = await demoOrganisationId();
    const viewer = addAgent("viewer");
    const agentPage = await (await browser.newContext()).newPage();
    await signIn(agentPage, addAgent("agent"));
    await ensureSavedConfig(agentPage, organisationId);

    await signIn(page, viewer);
    for (const { path, heading } of await organisationPages(organisationId)) {
      await page.goto(path);
      if (heading)
        await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
      await expectAccessible(page);
    }

    await page.goto(`/organisations/${organisationId}/runs`);
    await expect(page.getByRole("button", { name: "Run now" })).toBeDisabled();
    await expect(page.getByText("Viewers cannot start a sync.")).toBeVisible();
    await page.goto(`/organisations/${organisationId}/configure`);
    await expect(page.getByLabel("Yes, use every related account")).toBeDisabled();
    await page.getByRole("button", { name: /Review and save/ }).click();
    await expect(page.getByRole("button", { name: /Save as version/ })).toBeDisabled();
    await page.goto(`/organisations/${organisationId}/preview`);
    await expect(page.getByRole("button", { name: /Preview saved version/ })).toBeDisabled();

    // The same actions, called straight from the viewer's session, are refused on the server.
    const runs = await countRows("sync_runs", organisationId);
    const versions = await countRows("sync_configs", organisationId);
    const previews = await countRows("sync_previews", organisationId);

    await agentPage.goto(`/organisations/${organisationId}/runs`);
    const runNow = await captureAction(agentPage, () =>
      agentPage.getByRole("button", { name: "Run now" }).click(),
    );
    await agentPage.goto(`/organisations/${organisationId}/configure`);
    await agentPage.getByRole("button", { name: /Review and save/ }).click();
    const save = await captureAction(agentPage, () =>
      agentPage.getByRole("button", { name: /Save as version/ }).click(),
    );
    await agentPage.goto(`/organisations/${organisationId}/preview`);
    const preview = await captureAction(agentPage, () =>
      agentPage.getByRole("button", { name: /Preview saved version/ }).click(),
    );

    for (const action of [runNow, save, preview]) {
      const answer = await callAction(page, action);
      expect(answer.text).toContain(VIEWER_REFUSED);
    }
    expect(await countRows("sync_runs", organisationId)).toBe(runs);
    expect(await countRows("sync_configs", organisationId)).toBe(versions);
    expect(await countRows("sync_previews", organisationId)).toBe(previews);
  });

  test("only an admin can change the Salesforce credentials, in the page and on the server", async ({
    page,
    browser,
  }) => {
    const organisationId = await demoOrganisationId();
    const secretsSavedAt = async () =>
      withDatabase(async (db) => {
        const [row] = await db
          .select({ at: schema.salesforceConnections.secretsUpdatedAt })
          .from(schema.salesforceConnections)
          .where(eq(schema.salesforceConnections.organisationId, organisationId));
        return row!.at.toISOString();
      });
    const before = await secretsSavedAt();

    const adminPage = await (await browser.newContext()).newPage();
    await signIn(adminPage, addAgent("admin"));
    await adminPage.goto(`/organisations/${organisationId}/connection`);
    const sandbox = await sandboxCredentials(organisationId);
    await adminPage.getByLabel("Consumer secret").fill(sandbox.clientSecret);
    const saveConnection = await captureAction(adminPage, () =>
      adminPage.getByRole("button", { name: "Test and save" }).click(),
    );

    await signIn(page, addAgent("agent"));
    await page.goto(`/organisations/${organisationId}/connection`);
    await expect(page.getByRole("button", { name: "Test and save" })).toBeDisabled();
    await expect(page.getByLabel("Consumer key")).toBeDisabled();
    await expect(
      page.getByText("Only an admin can change the Salesforce connection."),
    ).toBeVisible();

    const answer = await callAction(page, saveConnection);
    expect(answer.text).toContain(ADMIN_ONLY);
    expect(answer.text).not.toContain(sandbox.clientSecret);
    expect(await secretsSavedAt()).toBe(before);
  });
});
