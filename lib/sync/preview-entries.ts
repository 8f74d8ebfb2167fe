import "server-only";
import { and, asc, count, eq, gt, ilike, isNotNull, or, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncPreviewEntries } from "@/lib/db/schema";
import { PREVIEW_PAGE_SIZE, type PreviewFilter } from "@/lib/sync/preview-filter";
import type { StoredPreviewEntry } from "@/lib/sync/preview-entry";

function likeOf(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(previewId: string, filter: Omit<PreviewFilter, "page">) {
  const conditions: SQL[] = [eq(syncPreviewEntries.previewId, previewId)];
  if (filter.outcome) conditions.push(eq(syncPreviewEntries.outcome, filter.outcome));
  if (filter.customerId) conditions.push(eq(syncPreviewEntries.customerId, filter.customerId));
  if (filter.reason) conditions.push(ilike(syncPreviewEntries.reason, likeOf(filter.reason)));
  if (filter.search) {
    const like = likeOf(filter.search);
    conditions.push(
      or(
        ilike(syncPreviewEntries.contactName, like),
        ilike(syncPreviewEntries.contactEmail, like),
        ilike(syncPreviewEntries.salesforceContactId, like),
        ilike(syncPreviewEntries.accountName, like),
      )!,
    );
  }
  return and(...conditions);
}

const entryColumns = {
  seq: syncPreviewEntries.seq,
  outcome: syncPreviewEntries.outcome,
  reason: syncPreviewEntries.reason,
  entry: syncPreviewEntries.entry,
};

/** One page of a preview's entries, in plan order, with the number that match the filter. */
export async function listPreviewEntries(db: Database, previewId: string, filter: PreviewFilter) {
  const where = whereOf(previewId, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select(entryColumns)
      .from(syncPreviewEntries)
      .where(where)
      .orderBy(asc(syncPreviewEntries.seq))
      .limit(PREVIEW_PAGE_SIZE)
      .offset((filter.page - 1) * PREVIEW_PAGE_SIZE),
    db.select({ value: count() }).from(syncPreviewEntries).where(where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, entry: row.entry as StoredPreviewEntry })),
    total: total?.value ?? 0,
  };
}

export type PreviewEntryRow = Awaited<ReturnType<typeof listPreviewEntries>>["rows"][number];

/** The customers a preview lands People on, for the customer filter. */
export async function previewCustomers(db: Database, previewId: string) {
  return db
    .selectDistinct({ id: syncPreviewEntries.customerId, name: syncPreviewEntries.customerName })
    .from(syncPreviewEntries)
    .where(
      and(eq(syncPreviewEntries.previewId, previewId), isNotNull(syncPreviewEntries.customerId)),
    )
    .orderBy(asc(syncPreviewEntries.customerName));
}

/** Every entry that matches the filter, a batch at a time, for the CSV export. */
export async function* previewEntryBatches(
  db: Database,
  previewId: string,
  filter: Omit<PreviewFilter, "page">,
  batchSize = 2_000,
) {
  const where = whereOf(previewId, filter);
  // Keyset paging on seq: each batch costs the same however deep into the preview it is.
  let after = -1;
  for (;;) {
    const rows = await db
      .select(entryColumns)
      .from(syncPreviewEntries)
      .where(and(where, gt(syncPreviewEntries.seq, after)))
      .orderBy(asc(syncPreviewEntries.seq))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((row) => ({ ...row, entry: row.entry as StoredPreviewEntry }));
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}
