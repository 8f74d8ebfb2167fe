import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { signInFailures } from "@/lib/db/schema";

// Failures are counted per email and per address in the database, so every process sees them.
// After FREE_ATTEMPTS each further attempt waits longer, up to MAX_DELAY_MS; a quiet WINDOW_MS
// forgets the count.
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 15_000;
const WINDOW_MS = 15 * 60_000;

export function throttleKeys(email: string, address: string | undefined) {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (address) keys.push(`ip:${address}`);
  return keys;
}

export function delayFor(failures: number) {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 500 * 2 ** (failures - FREE_ATTEMPTS));
}

export async function signInDelay(db: Database, keys: string[]) {
  const rows = await db.select().from(signInFailures).where(inArray(signInFailures.key, keys));
  const recent = rows.filter((r) => Date.now() - r.lastFailedAt.getTime() < WINDOW_MS);
  return Math.max(0, ...recent.map((r) => delayFor(r.failures)));
}

export async function recordSignInFailure(db: Database, keys: string[]) {
  await db
    .insert(signInFailures)
    .values(keys.map((key) => ({ key, failures: 1 })))
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`case when ${signInFailures.lastFailedAt} < now() - make_interval(secs => ${WINDOW_MS / 1000}) then 1 else ${signInFailures.failures} + 1 end`,
        lastFailedAt: sql`now()`,
      },
    });
}

export async function clearSignInFailures(db: Database, keys: string[]) {
  await db.delete(signInFailures).where(inArray(signInFailures.key, keys));
}
