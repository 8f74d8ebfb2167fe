import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import * as schema from "../../lib/db/schema";
import { consoleDatabase } from "./console";
import { E2E_DATA_DIR } from "./server";

export const DEMO_ORGANISATION = "Demo Organisation";

export async function signIn(page: Page, agent: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(agent.email);
  await page.getByLabel("Password").fill(agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Organisations", exact: true })).toBeVisible();
}

/** Runs one check against the console's database and closes the connection again. */
export async function withDatabase<T>(
  check: (db: ReturnType<typeof consoleDatabase>["db"]) => Promise<T>,
) {
  const database = consoleDatabase();
  try {
    return await check(database.db);
  } finally {
    await database.close();
  }
}

export async function demoOrganisationId(): Promise<string> {
  return withDatabase(async (db) => {
    const [row] = await db
      .select({ id: schema.organisations.id })
      .from(schema.organisations)
      .where(eq(schema.organisations.name, DEMO_ORGANISATION));
    if (!row) throw new Error("The demo organisation was not seeded by the console's start.");
    return row.id;
  });
}

export async function countRows(table: string, organisationId: string): Promise<number> {
  return withDatabase(async (db) => {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where organisation_id = ${organisationId}`,
    );
    return row!.n;
  });
}

/**
 * Where the console's sandbox Salesforce org listens and its connected app's credentials: the
 * login URL the demo connection was seeded with, and the client secret the console generated
 * into the test data folder. Only the sandbox started for these tests is ever addressed.
 */
export async function sandboxCredentials(organisationId: string) {
  const secrets = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "secrets.json"), "utf8"));
  const connection = await withDatabase(async (db) => {
    const [row] = await db
      .select({
        loginUrl: schema.salesforceConnections.loginUrl,
        clientId: schema.salesforceConnections.clientId,
      })
      .from(schema.salesforceConnections)
      .where(eq(schema.salesforceConnections.organisationId, organisationId));
    return row!;
  });
  return { ...connection, clientSecret: String(secrets.SANDBOX_CLIENT_SECRET) };
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(blocking, `axe violations on ${page.url()}`).toEqual([]);
}

/** A button React keeps disabled, re-enabled by hand: what a crafted request would do. */
export async function forceEnable(page: Page, selector: string) {
  await page
    .locator(selector)
    .evaluateAll((elements) => elements.forEach((element) => element.removeAttribute("disabled")));
}

export type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/**
 * Learns how the page calls a server action by letting `trigger` start it, then stops the call
 * before it reaches the server. Replaying it from another session is a direct call of the
 * action, the way a crafted request would make it.
 */
export async function captureAction(page: Page, trigger: () => Promise<void>) {
  let captured: CapturedAction | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    const headers = request.headers();
    if (request.method() !== "POST" || !headers["next-action"]) return route.fallback();
    captured = { url: request.url(), headers, body: request.postData() ?? "" };
    await route.abort();
  });
  await trigger();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured!;
}

/** Calls a captured server action again, exactly as captured, with the given page's session. */
export async function callAction(page: Page, action: CapturedAction) {
  const response = await page.request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"]!,
      "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(action.url).origin,
    },
    data: action.body,
  });
  return { status: response.status(), text: await response.text() };
}
