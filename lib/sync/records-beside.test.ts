import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  startPgliteTestDatabase,
  startPostgresTestDatabase,
  type TestDatabase,
} from "@/lib/db/test-databases";
import { testEnv } from "@/lib/env";
import { openRecordsBeside } from "@/lib/sync/records-beside";
import { createOrganisationFor, saveAnswers, snapshotPeople, syncNow } from "@/lib/sync/test-org";
import { type Sandbox, startSandbox } from "@/sandbox/index";

// Run records beside the People (records-beside.ts): on PostgreSQL only, PGlite keeps one
// transaction. The all-or-nothing cases on both kinds are in run-atomic.test.ts.

test("PGlite keeps the records in the run's transaction", async () => {
  const database = await startPgliteTestDatabase();
  try {
    expect(await openRecordsBeside(database.db)).toBeNull();
  } finally {
    await database.close();
  }
});

const serverUrl = testEnv().TEST_DATABASE_URL;

describe.runIf(serverUrl)("run records beside the People [postgres]", () => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([
      startPostgresTestDatabase(serverUrl!),
      startSandbox({ generate: { contacts: 12_000, seed: 5 }, multiAccount: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([sandbox?.close(), database?.close()]);
  });

  const besideConnections = async () =>
    (await database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and application_name = 'contact-sync-console beside'`,
    )) as unknown as { n: number }[];
  const recordsOf = async (runId: string) =>
    (await database.db.execute(
      sql`select count(*)::int as n from sync_run_records where run_id = ${runId}`,
    )) as unknown as { n: number }[];

  const organisationWithConfig = async (name: string) => {
    const organisationId = await createOrganisationFor(database.db, sandbox, { name });
    await saveAnswers(database.db, organisationId, {});
    return organisationId;
  };

  test("a run writes its records on a second connection and closes it", async () => {
    const { db } = database;
    const organisationId = await organisationWithConfig("Beside");
    let most = 0;
    const watch = setInterval(() => {
      void besideConnections().then(([row]) => (most = Math.max(most, row!.n)));
    }, 5);

    const result = await syncNow(db, organisationId).finally(() => clearInterval(watch));

    expect(result.status).toBe("succeeded");
    const entries = Object.values(result.run.counts!).reduce((a, b) => a + b, 0);
    expect(result.run.recordsCommitted).toBe(entries);
    expect(await recordsOf(result.run.id)).toEqual([{ n: entries }]);
    // One connection beside the pool while the run applied, none once it finished.
    expect(most).toBe(1);
    expect(await besideConnections()).toEqual([{ n: 0 }]);
  });

  test("fails at once and leaves People as they were when the records' connection is cut", async () => {
    const { db } = database;
    const organisationId = await organisationWithConfig("Beside Cut");
    // Cut once, while the records' connection writes a batch.
    let cut = 0;
    const killer = setInterval(() => {
      if (cut > 0) return;
      void db
        .execute(
          sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and state = 'active'
                and application_name = 'contact-sync-console beside'
                and query ilike '%insert into sync_run_records%'`,
        )
        .then((rows) => (cut += (rows as unknown[]).length));
    }, 2);

    const result = await syncNow(db, organisationId).finally(() => clearInterval(killer));

    expect(cut).toBeGreaterThan(0);
    expect(result.status).toBe("failed");
    expect(result.status === "failed" && result.error).toMatch(
      /^The sync failed on our side \(event [0-9a-f-]{36}\); People were left as they were\./,
    );
    expect(await snapshotPeople(db, organisationId)).toEqual([]);
    expect(await recordsOf(result.run.id)).toEqual([{ n: 0 }]);
    expect(await besideConnections()).toEqual([{ n: 0 }]);
  }, 60_000);
});
