import { expect, test } from "@playwright/test";
import { desc, eq } from "drizzle-orm";
import * as schema from "../lib/db/schema";
import { addAgent } from "./support/console";
import { demoOrganisationId, expectAccessible, signIn, withDatabase } from "./support/journeys";
import {
  answerSixQuestions,
  connectSalesforce,
  latestRun,
  peopleSnapshot,
} from "./support/onboarding";

// One journey in two parts: the second run relies on the first one's People.
test.describe.configure({ mode: "serial" });

const admin = { email: "", password: "" };
let organisationId = "";

const EXPECTED_COUNTS = { create: 132, update: 0, unchanged: 0, archive: 0, delete: 0, skip: 17 };

test.beforeAll(async () => {
  Object.assign(admin, addAgent("admin"));
  organisationId = await demoOrganisationId();
});

test("an admin onboards the demo organisation from scratch and the run writes what the preview showed", async ({
  page,
}) => {
  await signIn(page, admin);
  await page.getByRole("link", { name: "Demo Organisation" }).click();
  await connectSalesforce(page, organisationId);
  const connection = await withDatabase(async (db) => {
    const [row] = await db
      .select()
      .from(schema.salesforceConnections)
      .where(eq(schema.salesforceConnections.organisationId, organisationId));
    return row!;
  });
  expect(connection.lastTestOk).toBe(true);

  await answerSixQuestions(page);
  await page.getByRole("button", { name: "Preview these answers" }).click();
  await expect(page).toHaveURL(/\/preview$/);
  await expect(page.getByTestId("preview")).toHaveAttribute("data-status", "ready", {
    timeout: 30_000,
  });
  await expectAccessible(page);

  const previewCounts = await withDatabase(async (db) => {
    const [row] = await db
      .select()
      .from(schema.syncPreviews)
      .where(eq(schema.syncPreviews.organisationId, organisationId))
      .orderBy(desc(schema.syncPreviews.createdAt))
      .limit(1);
    return row!.counts!;
  });
  // The demo seed is deterministic: 132 People to create; 17 rows skipped (accounts of the
  // unlinked customers, or without an email); Competitor accounts filtered out by Salesforce.
  expect(previewCounts).toEqual(EXPECTED_COUNTS);
  const counts = page.getByTestId("preview-counts");
  for (const [outcome, n] of Object.entries(previewCounts)) {
    await expect(counts.locator(`[data-outcome=${outcome}] dd`)).toHaveText(String(n));
  }

  // One contact's exact mapping: Bibby Cannan's account Zoonoodle 37 is a child of the group.
  await page.getByLabel("Search name, email, Id or account").fill("bcannan1@illinois.edu");
  await expect(page.getByTestId("preview-total")).toHaveText("1 entry");
  const row = page.getByTestId("preview-table").locator("tbody tr");
  await expect(row).toContainText("Bibby Cannan");
  await expect(row).toContainText("Demo Holdings (group)");
  await expect(row).toContainText("top parent of Zoonoodle 37");
  await expect(row).toContainText("Billing Contact");
  await expect(row).toContainText("9264429205 → +19264429205");
  await expect(row).toContainText("jobTitle: Physical Therapy Assistant");
  await expect(row).toContainText("Create");

  // The same rows as CSV, with the table's filters.
  const csvLink = page.getByRole("link", { name: "Export these entries as CSV" });
  const csv = await page.request.get(
    new URL((await csvLink.getAttribute("href"))!, page.url()).href,
  );
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\n");
  expect(lines[0]).toBe(
    "outcome,reason,contact_id,contact_name,contact_email,account,customer,matched_customers,positions,phones_raw,phones_e164,custom_fields,changes",
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^create,"Stored at the top parent Demo Holdings \(group\)/);
  expect(lines[1]).toContain(
    "Bibby Cannan,bcannan1@illinois.edu,Zoonoodle 37,Demo Holdings (group),Zoonoodle 37,Billing Contact",
  );
  expect(lines[1]).toContain("+19264429205");

  // Explain the same contact, rule by rule.
  await page.getByLabel("Name, email or Salesforce Id").fill("bcannan1@illinois.edu");
  await page.getByRole("button", { name: "Find contact" }).click();
  const explanation = page.getByTestId("explanation");
  await expect(explanation).toContainText("Bibby Cannan");
  await expect(explanation).toContainText("Filter group 1: matches.");
  await expect(explanation).toContainText(
    "People are stored at the top parent, so it lands on Demo Holdings (group)",
  );
  await expect(explanation).toContainText('"Economic Buyer" maps to Billing Contact');

  // Save: version 1, with an audit event holding the diff.
  await page.getByRole("link", { name: "Sync config" }).click();
  await expect(page.getByRole("heading", { name: "Review and save" })).toBeVisible();
  await page.getByRole("button", { name: "Save as version 1" }).click();
  await expect(page.getByTestId("wizard-message")).toHaveText("Saved as version 1.");
  const saved = await withDatabase(async (db) => {
    const [config] = await db
      .select()
      .from(schema.syncConfigs)
      .where(eq(schema.syncConfigs.organisationId, organisationId));
    const [audit] = await db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "sync_config.saved"));
    return { config: config!, audit: audit! };
  });
  expect(saved.config.version).toBe(1);
  expect(saved.config.config).toMatchObject({
    multiAccount: { enabled: true },
    filters: {
      groups: [{ rules: [{ field: "Account.Type", match: "notInList", values: ["Competitor"] }] }],
    },
    positions: { mode: "field", field: "AccountContactRelation.Roles", unmapped: "ignore" },
    phones: [
      { field: "Phone", type: "work" },
      { field: "MobilePhone", type: "mobile" },
    ],
    parentLevelStorage: true,
    additional: { customFieldMappings: [{ salesforceField: "Title", personField: "jobTitle" }] },
  });
  expect(saved.audit.detail).toMatchObject({ version: 1 });

  // Run now, follow its progress, and find the preview's counts in the run.
  await page.getByRole("link", { name: "Runs" }).click();
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByTestId("run-progress")).toBeVisible();
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", {
    timeout: 30_000,
  });
  const run = await latestRun(organisationId);
  expect(run.status).toBe("succeeded");
  expect(run.counts).toEqual(previewCounts);
  expect(run.peopleWritten).toBe(EXPECTED_COUNTS.create);
  await expect(page.getByTestId("runs-table")).toContainText("Create 132 · Skip 17");
  await expectAccessible(page);

  // The People are on their customers: Bibby Cannan on the group's top parent.
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("link", { name: "Demo Holdings (group)" }).click();
  const person = page.locator('[data-person-email="bcannan1@illinois.edu"]');
  await expect(person).toContainText("Bibby Cannan");
  await expect(person).toContainText("Billing Contact");
  await expect(person).toContainText("+19264429205");
  await expect(person).toContainText("jobTitle: Physical Therapy Assistant");
  await expect(person.getByRole("link", { name: /Run of/ })).toHaveAttribute(
    "href",
    `/organisations/${organisationId}/runs/${run.id}`,
  );
  const stored = await withDatabase(async (db) => {
    const rows = await db
      .select({ person: schema.people, customer: schema.customers.name })
      .from(schema.people)
      .innerJoin(schema.customers, eq(schema.customers.id, schema.people.customerId))
      .where(eq(schema.people.email, "bcannan1@illinois.edu"));
    return rows;
  });
  expect(stored).toHaveLength(1);
  expect(stored[0]!.customer).toBe("Demo Holdings (group)");
  expect(stored[0]!.person).toMatchObject({
    source: "salesforce",
    positions: ["Billing Contact"],
    customFields: { jobTitle: "Physical Therapy Assistant" },
    lastRunId: run.id,
  });
  expect(stored[0]!.person.phones).toEqual([
    { type: "work", raw: "9264429205", e164: "+19264429205", sourceField: "Phone" },
  ]);
});

test("running again with nothing changed leaves every person unchanged and writes nothing", async ({
  page,
}) => {
  const before = await peopleSnapshot(organisationId);
  await signIn(page, admin);
  await page.goto(`/organisations/${organisationId}/runs`);
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", {
    timeout: 30_000,
  });

  const run = await latestRun(organisationId);
  expect(run.counts).toEqual({
    ...EXPECTED_COUNTS,
    create: 0,
    unchanged: EXPECTED_COUNTS.create,
  });
  expect(run.peopleWritten).toBe(0);
  expect(await peopleSnapshot(organisationId)).toEqual(before);

  await page.getByRole("link", { name: /UTC/ }).first().click();
  await expect(page.getByTestId("run-counts")).toHaveText("Unchanged 132 · Skip 17");
  await expect(page.getByTestId("people-written")).toHaveText("0");
  await page.getByLabel("Outcome", { exact: true }).selectOption("skip");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("records-total")).toHaveText("17 records");
  await expect(page.getByTestId("run-records")).toContainText("No customer is linked");

  // Re-run from the run's page: again nothing to write.
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", {
    timeout: 30_000,
  });
  const rerun = await latestRun(organisationId);
  expect(rerun.id).not.toBe(run.id);
  expect(rerun.peopleWritten).toBe(0);
  expect(await peopleSnapshot(organisationId)).toEqual(before);

  await page.getByRole("link", { name: "Versions" }).click();
  await expect(page.getByTestId("versions-table")).toContainText(admin.email);
  await expect(page.getByText("Versions 1 and 1 have the same answers.")).toBeVisible();
});
