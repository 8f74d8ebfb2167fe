import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { addAgent, consoleDatabase } from "./support/console";

test.describe("signing in", () => {
  test("an agent signs in, sees the organisations and signs out", async ({ page }) => {
    const agent = addAgent("agent");

    await page.goto("/organisations");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(agent.email);
    await page.getByLabel("Password").fill(agent.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("heading", { name: "Organisations", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Demo Organisation" })).toBeVisible();
    await expect(page.getByTestId("signed-in-agent")).toHaveText(`${agent.email} (agent)`);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/organisations");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password says only that the email or password is wrong", async ({ page }) => {
    const agent = addAgent("viewer");

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(agent.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await expect(page.getByLabel("Email")).toHaveValue(agent.email);
    await expect(page).toHaveURL(/\/sign-in/);

    const database = consoleDatabase();
    try {
      const [row] = await database.db.execute<{ failures: number }>(
        sql`select failures from sign_in_failures where key = ${`email:${agent.email}`}`,
      );
      expect(row?.failures).toBe(1);
    } finally {
      await database.close();
    }
  });
});
