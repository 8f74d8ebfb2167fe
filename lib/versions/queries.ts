import "server-only";
import { and, desc, eq, like } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { agents, auditEvents, syncConfigs } from "@/lib/db/schema";

export async function listVersions(db: Database, organisationId: string) {
  return db
    .select({
      version: syncConfigs.version,
      createdAt: syncConfigs.createdAt,
      agentEmail: agents.email,
    })
    .from(syncConfigs)
    .leftJoin(agents, eq(agents.id, syncConfigs.createdBy))
    .where(eq(syncConfigs.organisationId, organisationId))
    .orderBy(desc(syncConfigs.version));
}

/** The organisation's audit trail of config saves and connection changes, newest first. */
export async function listConfigAudit(db: Database, organisationId: string, limit = 50) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      detail: auditEvents.detail,
      createdAt: auditEvents.createdAt,
      agentEmail: agents.email,
    })
    .from(auditEvents)
    .leftJoin(agents, eq(agents.id, auditEvents.agentId))
    .where(
      and(
        eq(auditEvents.organisationId, organisationId),
        like(auditEvents.action, "sync_config.%"),
      ),
    )
    .orderBy(desc(auditEvents.createdAt))
    .limit(limit);
}
