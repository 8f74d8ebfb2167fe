import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe } from "vitest";
import { connectDatabase, type DatabaseHandle } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { testEnv } from "@/lib/env";

// Database tests run against PGlite always and against TEST_DATABASE_URL's server when it is
// set, each in a database of its own that is dropped afterwards.

export type TestDatabase = DatabaseHandle & { kind: "pglite" | "postgres" };

/** `migrationsFolder`: migrated only that far, for a test of what a later migration does. */
type StartOptions = { migrationsFolder?: string };

export async function startPgliteTestDatabase(options: StartOptions = {}): Promise<TestDatabase> {
  const embedded = await startEmbeddedDatabase({ port: 0 });
  const handle = connectDatabase(embedded.url, { max: 5 });
  await migrateDatabase(handle.db, options.migrationsFolder);
  return {
    ...handle,
    kind: "pglite",
    close: async () => {
      await handle.close();
      await embedded.stop();
    },
  };
}

export async function startPostgresTestDatabase(
  serverUrl: string,
  options: StartOptions = {},
): Promise<TestDatabase> {
  const name = `csc_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = connectDatabase(url.toString(), { max: 5 });
  await migrateDatabase(handle.db, options.migrationsFolder);
  return {
    ...handle,
    kind: "postgres",
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

type DatabaseKind = {
  kind: TestDatabase["kind"];
  start: (options?: StartOptions) => Promise<TestDatabase>;
};

export function testDatabaseKinds() {
  const url = testEnv().TEST_DATABASE_URL;
  const kinds: DatabaseKind[] = [{ kind: "pglite", start: startPgliteTestDatabase }];
  if (url)
    kinds.push({ kind: "postgres", start: (options) => startPostgresTestDatabase(url, options) });
  return kinds;
}

/** Runs the same suite once per database kind; `database()` is ready inside tests. */
export function describeEachDatabase(title: string, suite: (database: () => TestDatabase) => void) {
  for (const { kind, start } of testDatabaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await start();
      });
      afterAll(async () => {
        await current?.close();
      });
      suite(() => {
        if (!current) throw new Error("The test database did not start.");
        return current;
      });
    });
  }
}

/** The name of the constraint a failed query broke, through drizzle's error wrapper. */
export async function violatedConstraint(query: PromiseLike<unknown>): Promise<string | undefined> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: { constraint_name?: string } }).cause;
    return cause?.constraint_name ?? (error as { constraint_name?: string }).constraint_name;
  }
  return undefined;
}
