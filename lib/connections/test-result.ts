import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { salesforceConnections } from "@/lib/db/schema";

/** Keeps the outcome of the latest connection test for the overview and the health badge. */
export async function recordTestResult(
  db: Database,
  organisationId: string,
  result: { ok: boolean; message: string },
) {
  await db
    .update(salesforceConnections)
    .set({ lastTestedAt: new Date(), lastTestOk: result.ok, lastTestMessage: result.message })
    .where(eq(salesforceConnections.organisationId, organisationId));
}
