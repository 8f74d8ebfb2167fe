import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditEvents, syncConfigs, type SyncConfigRow } from "@/lib/db/schema";
import { type SyncConfig, syncConfigSchema } from "@/lib/sync/config";
import { diffConfigs } from "@/lib/sync/config-diff";

export type StoredConfig = Omit<SyncConfigRow, "config"> & { config: SyncConfig };

function parseRow(row: SyncConfigRow): StoredConfig {
  return { ...row, config: syncConfigSchema.parse(row.config) };
}

export async function currentConfig(db: Database, organisationId: string) {
  const [row] = await db
    .select()
    .from(syncConfigs)
    .where(eq(syncConfigs.organisationId, organisationId))
    .orderBy(desc(syncConfigs.version))
    .limit(1);
  return row ? parseRow(row) : undefined;
}

export async function configVersion(db: Database, organisationId: string, version: number) {
  const [row] = await db
    .select()
    .from(syncConfigs)
    .where(and(eq(syncConfigs.organisationId, organisationId), eq(syncConfigs.version, version)));
  return row ? parseRow(row) : undefined;
}

export async function listConfigVersions(db: Database, organisationId: string) {
  return db
    .select({
      id: syncConfigs.id,
      version: syncConfigs.version,
      createdAt: syncConfigs.createdAt,
      createdBy: syncConfigs.createdBy,
    })
    .from(syncConfigs)
    .where(eq(syncConfigs.organisationId, organisationId))
    .orderBy(desc(syncConfigs.version));
}

/**
 * Every save is a new version, with an audit event holding the diff from the one before. A save
 * identical to the current version stores nothing and says so.
 */
export async function saveConfig(
  db: Database,
  input: { organisationId: string; config: SyncConfig; agentId: string | null },
) {
  return db.transaction(async (tx) => {
    // Serialises concurrent saves for one organisation, so versions never collide.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.organisationId}))`);
    const [previous] = await tx
      .select()
      .from(syncConfigs)
      .where(eq(syncConfigs.organisationId, input.organisationId))
      .orderBy(desc(syncConfigs.version))
      .limit(1);

    const changes = diffConfigs(previous?.config ?? null, input.config);
    if (previous && changes.length === 0) return { saved: false, config: parseRow(previous) };

    const [row] = await tx
      .insert(syncConfigs)
      .values({
        organisationId: input.organisationId,
        version: (previous?.version ?? 0) + 1,
        config: input.config,
        createdBy: input.agentId,
      })
      .returning();
    await tx.insert(auditEvents).values({
      organisationId: input.organisationId,
      agentId: input.agentId,
      action: "sync_config.saved",
      detail: { version: row!.version, changes },
    });
    return { saved: true, config: parseRow(row!) };
  });
}

export async function configVersionById(db: Database, id: string) {
  const [row] = await db.select().from(syncConfigs).where(eq(syncConfigs.id, id));
  return row ? parseRow(row) : undefined;
}
