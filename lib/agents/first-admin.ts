import "server-only";
import { countAgents, upsertAgent } from "@/lib/agents/agents";
import { generatePassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";

export const FIRST_ADMIN_EMAIL = "admin@console.local";

/**
 * On the embedded default the first start has nobody to sign in as: create an admin with a
 * random password and hand it back once, for the terminal. Never used with DATABASE_URL.
 */
export async function ensureFirstAdmin(db: Database) {
  if ((await countAgents(db)) > 0) return undefined;
  const password = generatePassword();
  await upsertAgent(db, { email: FIRST_ADMIN_EMAIL, role: "admin", password, name: "Admin" });
  return { email: FIRST_ADMIN_EMAIL, password };
}
