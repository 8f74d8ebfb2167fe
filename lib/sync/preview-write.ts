import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncPreviewEntries } from "@/lib/db/schema";
import type { PlanEntry } from "@/lib/sync/plan-types";
import { storedEntry } from "@/lib/sync/preview-entry";

const BATCH = 5_000;

// Each batch travels as one jsonb parameter: a few statements for a large plan, however many
// entries it has, and no statement grows with the number of bind parameters.
export async function writePreviewEntries(
  db: Database,
  previewId: string,
  entries: Iterable<PlanEntry>,
  onWritten: (written: number) => Promise<void>,
) {
  let batch: PlanEntry[] = [];
  let start = 0;
  for (const entry of entries) {
    batch.push(entry);
    if (batch.length < BATCH) continue;
    await writeBatch(db, previewId, batch, start);
    start += batch.length;
    batch = [];
    await onWritten(start);
  }
  if (batch.length > 0) {
    await writeBatch(db, previewId, batch, start);
    await onWritten(start + batch.length);
  }
}

async function writeBatch(db: Database, previewId: string, batch: PlanEntry[], start: number) {
  const rows = batch.map((entry, i) => ({
    seq: start + i,
    outcome: entry.outcome,
    salesforce_contact_id: entry.contact.id,
    contact_name: entry.contact.name,
    contact_email: entry.contact.email,
    account_name: entry.contact.accountName,
    customer_id: entry.customer?.id ?? null,
    customer_name: entry.customer?.name ?? null,
    reason: entry.reason,
    entry: storedEntry(entry),
  }));
  await db.execute(sql`
      insert into ${syncPreviewEntries} (preview_id, seq, outcome, salesforce_contact_id,
        contact_name, contact_email, account_name, customer_id, customer_name, reason, entry)
      select ${previewId}::uuid, v.seq, v.outcome::sync_record_outcome, v.salesforce_contact_id,
        v.contact_name, v.contact_email, v.account_name, v.customer_id, v.customer_name,
        v.reason, v.entry
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(seq int, outcome text,
        salesforce_contact_id text, contact_name text, contact_email text, account_name text,
        customer_id uuid, customer_name text, reason text, entry jsonb)`);
}
