import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncConfigDrafts } from "@/lib/db/schema";

type DraftKey = { organisationId: string; agentId: string };

export async function loadDraft(db: Database, key: DraftKey) {
  const [row] = await db
    .select()
    .from(syncConfigDrafts)
    .where(
      and(
        eq(syncConfigDrafts.organisationId, key.organisationId),
        eq(syncConfigDrafts.agentId, key.agentId),
      ),
    );
  return row ?? null;
}

/** Keeps the wizard's answers as typed; they are checked only when saved as a config. */
export async function saveDraft(db: Database, key: DraftKey & { answers: unknown; step: number }) {
  const values = { ...key, updatedAt: new Date() };
  const [row] = await db
    .insert(syncConfigDrafts)
    .values(values)
    .onConflictDoUpdate({
      target: [syncConfigDrafts.organisationId, syncConfigDrafts.agentId],
      set: { answers: key.answers, step: key.step, updatedAt: values.updatedAt },
    })
    .returning({ updatedAt: syncConfigDrafts.updatedAt });
  return row!;
}

export async function deleteDraft(db: Database, key: DraftKey) {
  await db
    .delete(syncConfigDrafts)
    .where(
      and(
        eq(syncConfigDrafts.organisationId, key.organisationId),
        eq(syncConfigDrafts.agentId, key.agentId),
      ),
    );
}
