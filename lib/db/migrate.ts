import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Database } from "@/lib/db/client";

export const migrationsFolder = path.resolve("drizzle");

export async function migrateDatabase(db: Database) {
  await migrate(db, { migrationsFolder });
}
