import type { SyncPreview } from "@/lib/db/schema";
import type { FirstLookRow } from "@/lib/sync/preview-first-look";

type Customer = { id: string | null; name: string | null };

/** A preview as the browser reads it: progress, then counts, warnings and customers. */
export function previewStatusOf(preview: SyncPreview, customers: Customer[]) {
  return {
    id: preview.id,
    status: preview.status,
    phase: preview.phase,
    processed: preview.processed,
    total: preview.total,
    configVersion: preview.configVersion,
    counts: preview.counts,
    warnings: preview.warnings ?? [],
    positionsToCreate: preview.positionsToCreate ?? [],
    error: preview.error,
    issues: preview.issues ?? [],
    createdAt: preview.createdAt.toISOString(),
    finishedAt: preview.finishedAt?.toISOString() ?? null,
    // Only while the plan is computed: once it is ready the table pages the plan itself.
    firstLook:
      preview.status === "computing" ? ((preview.firstLook as FirstLookRow[] | null) ?? []) : [],
    customers: customers.flatMap((c) => (c.id ? [{ id: c.id, name: c.name ?? "" }] : [])),
  };
}

export type PreviewStatus = ReturnType<typeof previewStatusOf>;
