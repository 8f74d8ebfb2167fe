import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import * as schema from "../lib/db/schema";
import { addAgent } from "./support/console";
import {
  countRows,
  demoOrganisationId,
  expectAccessible,
  signIn,
  withDatabase,
} from "./support/journeys";

test.describe("bad answers in the wizard", () => {
  test("an unknown field, an empty in-list and a non-phone field as phone get inline errors, nothing is saved and nothing is lost", async ({
    page,
  }) => {
    const agent = addAgent("agent");
    const organisationId = await demoOrganisationId();
    const versionsBefore = await countRows("sync_configs", organisationId);

    await signIn(page, agent);
    await page.goto(`/organisations/${organisationId}/configure`);
    await expect(page.getByRole("heading", { name: "1. Contact matching" })).toBeFocused();
    await page.getByRole("button", { name: "Next" }).click();

    // Question 2: one rule on a field the org does not have, one "in list" with no values.
    await expect(page.getByRole("heading", { name: "2. Contact filters" })).toBeVisible();
    // Start from no filters, whatever an earlier journey saved.
    while (await page.getByRole("button", { name: "Remove group 1" }).isVisible()) {
      await page.getByRole("button", { name: "Remove group 1" }).click();
    }
    await page.getByRole("button", { name: "Add a filter" }).click();
    const rule1 = page.getByRole("group", { name: "Rule 1 of group 1" });
    await rule1.getByLabel("Field").fill("Region__c");
    await rule1.getByLabel("Value").fill("EMEA");
    await page.getByRole("button", { name: "Add a rule to group 1" }).click();
    const rule2 = page.getByRole("group", { name: "Rule 2 of group 1" });
    await rule2.getByLabel("Field").fill("LeadSource");
    await rule2.getByLabel("Match").selectOption("inList");
    await page.getByRole("button", { name: "Next" }).click();

    await expect(
      rule1.getByText(
        "The field Region__c does not exist on Contact or is hidden from the integration user.",
      ),
    ).toBeVisible();
    await expect(rule2.getByText("Choose at least one value for 'in list'.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "2. Contact filters" })).toBeVisible();

    // Question 4: an email field offered as a phone.
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("button", { name: /Phone numbers/ })
      .click();
    await page.getByLabel("Phone field 1").fill("Email");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(
      page.getByText("phone numbers must come from a phone or text field."),
    ).toBeVisible();
    await expectAccessible(page);

    // The review lists all three, and saving is refused.
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("button", { name: /Review and save/ })
      .click();
    const problems = page.getByTestId("review-problems");
    await expect(problems).toContainText("Region__c does not exist");
    await expect(problems).toContainText("Choose at least one value for 'in list'.");
    await expect(problems).toContainText("phone numbers must come from a phone or text field");
    await page.getByRole("button", { name: /Save as version/ }).click();
    await expect(page.getByTestId("wizard-message")).toHaveText(
      "Some answers need fixing; nothing was saved.",
    );
    await expect(page.getByTestId("draft-status")).toHaveAttribute("data-state", "saved");

    expect(await countRows("sync_configs", organisationId)).toBe(versionsBefore);
    const draft = await withDatabase(async (db) => {
      const [agentRow] = await db
        .select()
        .from(schema.agents)
        .where(eq(schema.agents.email, agent.email));
      const [row] = await db
        .select()
        .from(schema.syncConfigDrafts)
        .where(
          and(
            eq(schema.syncConfigDrafts.organisationId, organisationId),
            eq(schema.syncConfigDrafts.agentId, agentRow!.id),
          ),
        );
      return row;
    });
    const answers = draft?.answers as {
      filters: { groups: { rules: { field: string }[] }[] };
      phones: { field: string }[];
    };
    expect(answers.filters.groups[0]!.rules.map((r) => r.field)).toEqual([
      "Region__c",
      "LeadSource",
    ]);
    expect(answers.phones[0]!.field).toBe("Email");

    // A reload opens the draft where it was, with every answer still there.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Review and save" })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("button", { name: /Contact filters/ })
      .click();
    await expect(
      page.getByRole("group", { name: "Rule 1 of group 1" }).getByLabel("Field"),
    ).toHaveValue("Region__c");
    await expect(
      page.getByRole("group", { name: "Rule 1 of group 1" }).getByLabel("Value"),
    ).toHaveValue("EMEA");
    await expect(
      page.getByRole("group", { name: "Rule 2 of group 1" }).getByLabel("Match"),
    ).toHaveValue("inList");
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("button", { name: /Phone numbers/ })
      .click();
    await expect(page.getByLabel("Phone field 1")).toHaveValue("Email");
    await expect(page.getByLabel("Phone field 2")).toHaveValue("MobilePhone");
  });
});
