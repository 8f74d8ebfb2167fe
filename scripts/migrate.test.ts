import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { childProcessEnv, testEnv } from "@/lib/env";

const migrationCount = () =>
  (JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] }).entries
    .length;

const run = promisify(execFile);
const migrate = (env: Record<string, string>) =>
  run(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/migrate.mts"], {
    env: childProcessEnv({ LOG_LEVEL: "warn", ...env }),
  });

test("npm run db:migrate makes an empty data folder a migrated embedded database, twice over", async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "csc-migrate-"));
  try {
    const env = { DATA_DIR: dataDir, PGLITE_PORT: "0", SANDBOX: "off" };
    expect((await migrate(env)).stdout).toBe("Migrations applied.\n");
    expect((await migrate(env)).stdout).toBe("Migrations applied.\n");

    const embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
    const db = postgres(embedded.url, { max: 1 });
    try {
      const [row] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const tables = await db`select table_name from information_schema.tables
        where table_schema = 'public' and table_name = 'people'`;
      expect([row!.n, tables.length]).toEqual([migrationCount(), 1]);
    } finally {
      await db.end();
      await embedded.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);

test.runIf(testEnv().TEST_DATABASE_URL)(
  "npm run db:migrate creates the tables on an empty PostgreSQL database",
  async () => {
    const server = testEnv().TEST_DATABASE_URL!;
    const name = `csc_migrate_${Date.now()}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const secret = "m".repeat(44);
    try {
      const { stdout } = await migrate({
        DATABASE_URL: url.toString(),
        NEXTAUTH_SECRET: secret,
        ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        SANDBOX_CLIENT_SECRET: secret,
        NEXTAUTH_URL: "http://127.0.0.1:3000",
      });
      expect(stdout).toBe("Migrations applied.\n");
      const db = postgres(url.toString(), { max: 1 });
      const tables = await db`select table_name from information_schema.tables
        where table_schema = 'public' and table_name in ('people', 'sync_runs', 'sync_cursors')
        order by table_name`;
      await db.end();
      expect(tables.map((t) => t.table_name)).toEqual(["people", "sync_cursors", "sync_runs"]);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  },
  60_000,
);
