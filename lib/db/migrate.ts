import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Database } from "@/lib/db/client";

export const migrationsFolder = path.resolve("drizzle");

/** Every migration not applied yet; another folder only for a test of a migration's data. */
export async function migrateDatabase(db: Database, folder = migrationsFolder) {
  await migrate(db, { migrationsFolder: folder });
}
