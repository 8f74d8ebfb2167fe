import "server-only";
import { throttleProgress } from "@/lib/sync/progress";
import { randomUUID } from "node:crypto";
import { and, desc, eq, lt, ne, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { type Organisation, organisations, syncPreviews, type SyncPreview } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { computeFirstLook } from "@/lib/sync/preview-first-look";
import { computePlanOutline, type Progress } from "@/lib/sync/compute-plan";
import type { SyncConfig } from "@/lib/sync/config";
import { SyncError } from "@/lib/sync/errors";
import { writePreviewEntries } from "@/lib/sync/preview-write";
import type { ContactSource } from "@/lib/sync/source";

const HEARTBEAT_TIMEOUT_MS = 120_000;

type NewPreview = {
  organisationId: string;
  agentId: string;
  config: SyncConfig;
  configVersion: number | null;
};

/** Records a preview to compute; the agent's older previews of the organisation go. */
export async function createPreview(db: Database, input: NewPreview): Promise<SyncPreview> {
  return db.transaction(async (tx) => {
    await tx
      .delete(syncPreviews)
      .where(
        and(
          eq(syncPreviews.organisationId, input.organisationId),
          eq(syncPreviews.agentId, input.agentId),
        ),
      );
    const [row] = await tx.insert(syncPreviews).values(input).returning();
    return row!;
  });
}

export async function findPreview(db: Database, previewId: string) {
  const [row] = await db.select().from(syncPreviews).where(eq(syncPreviews.id, previewId));
  return row ? withStaleness(row) : null;
}

/** The agent's newest preview of the organisation, else anyone's, for the preview page. */
export async function latestPreview(db: Database, organisationId: string, agentId: string) {
  const [row] = await db
    .select()
    .from(syncPreviews)
    .where(eq(syncPreviews.organisationId, organisationId))
    .orderBy(
      sql`coalesce(${syncPreviews.agentId} = ${agentId}, false) desc`,
      desc(syncPreviews.createdAt),
    )
    .limit(1);
  return row ? withStaleness(row) : null;
}

// A preview whose process died stays "computing"; readers see it as failed instead.
function withStaleness(row: SyncPreview): SyncPreview {
  const stale = Date.now() - row.heartbeatAt.getTime() > HEARTBEAT_TIMEOUT_MS;
  if (row.status !== "computing" || !stale) return row;
  return {
    ...row,
    status: "failed",
    error: "The preview stopped before it finished; start it again.",
  };
}

/** Computes the plan exactly as a run would, and stores its entries instead of applying them. */
export async function computePreview(db: Database, previewId: string, source: ContactSource) {
  const log = logger().child({ previewId });
  const preview = await findPreview(db, previewId);
  if (!preview) return;

  try {
    const [organisation] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, preview.organisationId));
    await storeFirstLook(db, { preview, organisation: organisation!, source, log });
    const { outline: plan } = await computePlanOutline({
      db,
      organisation: organisation!,
      config: preview.config as SyncConfig,
      source,
      onProgress: throttleProgress((progress) => reportProgress(db, previewId, progress)),
    });

    const total = Object.values(plan.counts).reduce((sum, n) => sum + n, 0);
    await reportProgress(db, previewId, { phase: "saving", processed: 0, total });
    await writePreviewEntries(db, previewId, plan.entries, (processed) =>
      reportProgress(db, previewId, { phase: "saving", processed, total }),
    );
    await db
      .update(syncPreviews)
      .set({
        status: "ready",
        phase: "done",
        counts: plan.counts,
        warnings: plan.warnings.map(({ contactId, message }) => ({ contactId, message })),
        positionsToCreate: plan.positionsToCreate,
        finishedAt: new Date(),
      })
      .where(eq(syncPreviews.id, previewId));
    log.info({ counts: plan.counts }, "preview ready");
  } catch (error) {
    await db
      .update(syncPreviews)
      .set({ status: "failed", finishedAt: new Date(), ...failureOf(error, log) })
      .where(eq(syncPreviews.id, previewId));
  }
}

// The first look is a courtesy for large orgs: if it fails, the full plan still decides.
async function storeFirstLook(
  db: Database,
  input: { preview: SyncPreview; organisation: Organisation; source: ContactSource; log: Logger },
) {
  try {
    const config = input.preview.config as SyncConfig;
    const firstLook = await computeFirstLook({ db, ...input, config });
    if (firstLook) {
      await db.update(syncPreviews).set({ firstLook }).where(eq(syncPreviews.id, input.preview.id));
    }
  } catch (error) {
    input.log.warn({ err: error }, "preview first look failed");
  }
}

type Logger = ReturnType<typeof logger>;

function failureOf(error: unknown, log: Logger) {
  if (error instanceof SyncError || (error instanceof Error && error.name === "SalesforceError")) {
    log.warn({ reason: error.message }, "preview failed");
    const issues = error instanceof SyncError ? error.issues : [];
    return {
      error: error.message,
      issues: issues.map(({ path, message }) => ({ path, message })),
    };
  }
  const eventId = randomUUID();
  log.error({ err: error, eventId }, "preview failed unexpectedly");
  return { error: `The preview failed on our side (event ${eventId}). Try again.`, issues: [] };
}

type PreviewProgress = {
  phase: Progress["phase"] | "saving";
  processed: number;
  total: number | null;
};

async function reportProgress(db: Database, previewId: string, progress: PreviewProgress) {
  await db
    .update(syncPreviews)
    .set({ ...progress, heartbeatAt: new Date() })
    .where(eq(syncPreviews.id, previewId));
}

/** Previews are a working copy: a day after they were made they are dropped. */
export async function dropOldPreviews(db: Database) {
  await db
    .delete(syncPreviews)
    .where(
      and(
        lt(syncPreviews.createdAt, sql`now() - interval '1 day'`),
        ne(syncPreviews.status, "computing"),
      ),
    );
}
