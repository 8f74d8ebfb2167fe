import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Database } from "@/lib/db/client";
import { describeChange } from "@/lib/sync/explain-words";
import type { PersonChange } from "@/lib/sync/person-diff";
import { previewEntryBatches } from "@/lib/sync/preview-entries";
import type { PreviewFilter } from "@/lib/sync/preview-filter";
import type { StoredPreviewEntry } from "@/lib/sync/preview-entry";

const header = [
  "outcome",
  "reason",
  "contact_id",
  "contact_name",
  "contact_email",
  "account",
  "customer",
  "matched_customers",
  "positions",
  "phones_raw",
  "phones_e164",
  "custom_fields",
  "changes",
];

const PHONE_LIST = /^\+[\d\s;+()-]*$/;

// A cell a spreadsheet would run as a formula is written as text; phone numbers stay as they are.
function cell(value: string | null | undefined): string {
  const text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text) && !PHONE_LIST.test(text)) return `'${text}`;
  return text;
}

function rowOf(outcome: string, reason: string | null, entry: StoredPreviewEntry) {
  const person = entry.person;
  const matched = entry.matchedCustomers.filter((c) => c.id !== entry.customer?.id);
  return [
    outcome,
    reason,
    entry.contact.id,
    entry.contact.name,
    entry.contact.email,
    entry.contact.accountName,
    entry.customer?.name,
    matched.map((c) => c.name).join("; "),
    person?.positions.join("; "),
    person?.phones.map((p) => `${p.raw} (${p.type})`).join("; "),
    person?.phones.map((p) => p.e164 ?? "").join("; "),
    person && Object.keys(person.customFields).length > 0
      ? JSON.stringify(person.customFields)
      : "",
    (entry.changes as PersonChange[]).map(describeChange).join("; "),
  ].map(cell);
}

/** The preview's rows that match the filter, as CSV written a batch at a time. */
export function previewCsvStream(
  db: Database,
  previewId: string,
  filter: Omit<PreviewFilter, "page">,
) {
  const encoder = new TextEncoder();
  const batches = previewEntryBatches(db, previewId, filter);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([header])));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      const rows = next.value.map((row) => rowOf(row.outcome, row.reason, row.entry));
      controller.enqueue(encoder.encode(stringify(rows)));
    },
  });
}
