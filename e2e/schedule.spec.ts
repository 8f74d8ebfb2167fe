import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "../lib/db/schema";
import { addAgent } from "./support/console";
import { demoOrganisationId, signIn, withDatabase } from "./support/journeys";

const schedulesOf = (organisationId: string) =>
  withDatabase((db) =>
    db
      .select()
      .from(schema.syncSchedules)
      .where(eq(schema.syncSchedules.organisationId, organisationId))
      .orderBy(schema.syncSchedules.kind),
  );

test("an agent schedules the demo organisation's syncs, sees the next run, and pauses in one click", async ({
  page,
}) => {
  const agent = addAgent("agent");
  const organisationId = await demoOrganisationId();
  await signIn(page, agent);
  await page.goto(`/organisations/${organisationId}`);

  await page.getByLabel("Cron expression").check();
  await page.getByRole("textbox", { name: "Cron expression" }).fill("*/5 * * * *");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText(/runs more often than every 15 minutes/)).toBeVisible();
  expect(await schedulesOf(organisationId)).toEqual([]);

  await page.getByLabel("Every few hours").check();
  await page.getByLabel("Hours between syncs").selectOption("6");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText(/Sync: every 6 hours, next .*America\/New_York/)).toBeVisible();

  const [sync, reconcile] = await schedulesOf(organisationId);
  expect([sync!.kind, sync!.everyHours, sync!.paused]).toEqual(["sync", 6, false]);
  expect(sync!.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
  expect(sync!.nextRunAt!.getTime() - Date.now()).toBeLessThanOrEqual(6 * 3600_000);
  expect([reconcile!.kind, reconcile!.cron]).toEqual(["full_reconcile", "0 4 * * *"]);

  await page.getByRole("button", { name: "Pause sync" }).click();
  await expect(page.getByText("Sync: every 6 hours — paused")).toBeVisible();
  const [paused] = await schedulesOf(organisationId);
  expect([paused!.paused, paused!.nextRunAt]).toEqual([true, null]);
});
