import { expect, type Page } from "@playwright/test";
import { desc, eq } from "drizzle-orm";
import * as schema from "../../lib/db/schema";
import { sandboxCredentials, withDatabase } from "./journeys";

/** The steps of the onboarding journey, as an admin on a call with the client takes them. */

export async function connectSalesforce(page: Page, organisationId: string) {
  const sandbox = await sandboxCredentials(organisationId);
  await page.getByRole("link", { name: "Salesforce connection" }).click();
  await page.getByLabel("My Domain or another URL").check();
  await page.getByLabel("Login URL").fill(sandbox.loginUrl);
  await page.getByLabel("Client credentials").check();
  await page.getByLabel("Consumer key").fill(sandbox.clientId);
  await page.getByLabel("Consumer secret").fill(sandbox.clientSecret);
  await page.getByRole("button", { name: "Test and save" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Saved. Signed in to");
  await expect(page.getByTestId("connection-result")).toContainText(
    "Contacts to Multiple Accounts is on",
  );
  // The secret went in and never comes back out.
  await page.reload();
  await expect(page.getByTestId("secrets-saved")).toBeVisible();
  await expect(page.getByLabel("Consumer secret")).toHaveValue("");
  expect(await page.content()).not.toContain(sandbox.clientSecret);
}

export async function answerSixQuestions(page: Page) {
  await page.getByRole("link", { name: "Sync config" }).click();
  await page.getByLabel("Yes, use every related account").check();
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await page.getByRole("button", { name: "Add a filter" }).click();
  const rule = page.getByRole("group", { name: "Rule 1 of group 1" });
  await rule.getByLabel("Field").fill("Account.Type");
  await rule.getByLabel("Match").selectOption("notInList");
  await rule.getByLabel("Values not in the picklist, one per line").fill("Competitor");
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await page.getByLabel("From a Salesforce field").check();
  await page.getByLabel("Salesforce field with the role").fill("AccountContactRelation.Roles");
  await page.getByRole("button", { name: "Add a value mapping" }).click();
  await page.getByLabel("Salesforce value 1").fill("Economic Buyer");
  await page.getByLabel("Position for value 1").fill("Billing Contact");
  await page.getByRole("button", { name: "Add a value mapping" }).click();
  await page.getByLabel("Salesforce value 2").fill("Decision Maker");
  await page.getByLabel("Position for value 2").fill("Decision Maker");
  await page.getByLabel("Gives no position").check();
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await expect(page.getByLabel("Phone field 1")).toHaveValue("Phone");
  await expect(page.getByLabel("Phone field 2")).toHaveValue("MobilePhone");
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await page.getByLabel("Yes, store People on the top parent customer").check();
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await page.getByRole("button", { name: "Add a custom field" }).click();
  await page.getByLabel("Salesforce field 1").fill("Title");
  await page.getByLabel("Person custom field 1").fill("jobTitle");
  await page.getByRole("button", { name: "Next", exact: true }).click();

  const summary = page.getByTestId("review-summary");
  await expect(summary).toContainText("each relation (AccountContactRelation) places the contact");
  await expect(summary).toContainText('Account.Type not in list "Competitor"');
  await expect(summary).toContainText('"Economic Buyer" becomes Billing Contact');
  await expect(summary).toContainText("Phone numbers from Phone (work), MobilePhone (mobile).");
  await expect(summary).toContainText("People are stored on the top parent");
  await expect(summary).toContainText("Title into jobTitle");
  await expect(page.getByTestId("review-problems")).toHaveCount(0);
}

export async function latestRun(organisationId: string) {
  return withDatabase(async (db) => {
    const [row] = await db
      .select()
      .from(schema.syncRuns)
      .where(eq(schema.syncRuns.organisationId, organisationId))
      .orderBy(desc(schema.syncRuns.createdAt))
      .limit(1);
    return row!;
  });
}

/** Every synced person as stored, with when it was last written. */
export async function peopleSnapshot(organisationId: string) {
  return withDatabase(async (db) =>
    db
      .select({
        id: schema.people.id,
        updatedAt: schema.people.updatedAt,
        positions: schema.people.positions,
        phones: schema.people.phones,
        lastRunId: schema.people.lastRunId,
      })
      .from(schema.people)
      .where(eq(schema.people.organisationId, organisationId))
      .orderBy(schema.people.id),
  );
}
