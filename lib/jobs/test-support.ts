import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@/lib/db/client";
import { organisations, syncConfigs } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/db/test-databases";
import { testEnv } from "@/lib/env";
import { passwordlessUrl } from "@/lib/jobs/connection-url";
import { defaultSyncConfig } from "@/lib/sync/config";

/** The URL pg-boss (or a worker process) opens for a test database. */
export function testDatabaseUrl(database: TestDatabase): string {
  const server = testEnv().TEST_DATABASE_URL;
  if (database.kind === "pglite" || !server) return passwordlessUrl(database.sql);
  const url = new URL(server);
  url.pathname = `/${database.sql.options.database}`;
  return url.toString();
}

/** An organisation with a saved sync config, so runs can start for it. */
export async function seedConfiguredOrganisation(
  db: Database,
  options: { name?: string; timeZone?: string } = {},
) {
  const [organisation] = await db
    .insert(organisations)
    .values({ name: options.name ?? `Org ${crypto.randomUUID()}`, timeZone: options.timeZone })
    .returning();
  await db
    .insert(syncConfigs)
    .values({ organisationId: organisation!.id, version: 1, config: defaultSyncConfig });
  return organisation!;
}

/** Polls until `check` returns a value, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(100);
  }
}
