import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import type { OrgDescribes } from "@/lib/sync/describe";
import { SyncError } from "@/lib/sync/errors";
import { trimDescribes } from "@/lib/sync/org-fields";
import { openContactSource } from "@/lib/sync/salesforce-source";

export type DescribesResult =
  { ok: true; describes: OrgDescribes } | { ok: false; message: string };

/** The org's describes for the wizard and for checking answers, or why they cannot be read. */
export async function loadOrgDescribes(
  db: Database,
  organisationId: string,
): Promise<DescribesResult> {
  try {
    const source = await openContactSource(db, organisationId);
    return { ok: true, describes: trimDescribes(await source.describes()) };
  } catch (error) {
    if (
      error instanceof SyncError ||
      (error instanceof Error && error.name === "SalesforceError")
    ) {
      return { ok: false, message: error.message };
    }
    const eventId = randomUUID();
    logger().error({ err: error, eventId, organisationId }, "describe failed");
    return { ok: false, message: `Salesforce could not be read (event ${eventId}).` };
  }
}
