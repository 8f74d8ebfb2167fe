import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { embeddedDatabaseUrl } from "../../lib/db/owner-file";
import { childProcessEnv } from "../../lib/env";
import * as schema from "../../lib/db/schema";
import { E2E_DATA_DIR, E2E_URL } from "./server";

/** Adds an agent through the documented CLI, as an admin would. */
export function addAgent(role: "admin" | "agent" | "viewer") {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.com`;
  const password = `e2e-${randomUUID()}`;
  execFileSync(
    "npm",
    [
      "run",
      "--silent",
      "cli",
      "--",
      "agent",
      "add",
      "--email",
      email,
      "--role",
      role,
      "--password-stdin",
    ],
    {
      input: password,
      env: childProcessEnv({ DATA_DIR: E2E_DATA_DIR, NEXTAUTH_URL: E2E_URL, LOG_LEVEL: "warn" }),
      stdio: ["pipe", "ignore", "inherit"],
    },
  );
  return { email, password, role };
}

/** The console's own database, for asserting what a journey left behind. */
export function consoleDatabase() {
  const sql = postgres(embeddedDatabaseUrl(E2E_DATA_DIR), { max: 2, onnotice: () => {} });
  return { db: drizzle(sql, { schema }), close: () => sql.end({ timeout: 5 }) };
}
