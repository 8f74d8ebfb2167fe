import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { embeddedDatabaseUrl } from "@/lib/db/owner-file";
import * as schema from "@/lib/db/schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  sql: postgres.Sql;
  close: () => Promise<void>;
};

// Where each pool connects, for work that needs a connection outside the pool (see
// `connectBeside`). Kept here rather than on the handle, so no caller can log it.
const urls = new WeakMap<Database, string>();

/** One pool on any PostgreSQL wire-protocol server: a real server or the embedded PGlite. */
export function connectDatabase(
  url: string,
  options: { max?: number; connectTimeoutSeconds?: number; applicationName?: string } = {},
): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 30,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "contact-sync-console" },
  });
  const db = drizzle(sql, { schema });
  urls.set(db, url);
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * One more connection to the database of `db`'s pool, outside that pool: a process whose pool
 * is fully taken by runs' transactions still gets it, so a run waiting for it cannot wait on
 * another run. Null for a pool this module did not open.
 */
export function connectBeside(db: Database): DatabaseHandle | null {
  const url = urls.get(db);
  if (url === undefined) return null;
  return connectDatabase(url, {
    max: 1,
    connectTimeoutSeconds: 5,
    applicationName: "contact-sync-console beside",
  });
}

/** Where this process finds its database: DATABASE_URL, else the running embedded owner. */
export function databaseUrl(): string {
  const settings = env();
  return settings.DATABASE_URL ?? embeddedDatabaseUrl(settings.dataDir);
}

let shared: DatabaseHandle | undefined;

export function db(): Database {
  shared ??= connectDatabase(databaseUrl());
  return shared.db;
}

export async function closeSharedDatabase() {
  await shared?.close();
  shared = undefined;
}
