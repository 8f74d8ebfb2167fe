import { createSyncContext } from "@/lib/sync/context";
import { evaluateFilters, type FilterVerdict } from "@/lib/sync/evaluate";
import { type ContactSummary, type MappedRow, mapRow, summariseContact } from "@/lib/sync/map";
import { contactKey } from "@/lib/sync/plan-accumulate";
import { createPlannerFor, type PlannerInput } from "@/lib/sync/plan";
import type { PlanEntry } from "@/lib/sync/plan-types";
import { describePlanEntry, describeRow } from "@/lib/sync/explain-words";
import { readRecordField, readSyncRow, type SalesforceRecord } from "@/lib/sync/record";

/**
 * "Explain a contact": why one contact is in or out and where it lands, rule by rule. It runs
 * the same map and planner as a preview over the contact's rows, read without the filters
 * (`buildExplainQuery`), so the final outcome is exactly what a run would do.
 */

export type ExplainInput = PlannerInput & {
  /** The contact's rows from `buildExplainQuery`: one Contact, or each of its relations. */
  records: SalesforceRecord[];
  /** Record Ids from `buildMatchQuery`: Salesforce's verdict. Without it the rules decide here. */
  matchingRecordIds?: Iterable<string>;
};

export type RowExplanation = {
  recordId: string;
  accountId: string | null;
  accountName: string | null;
  isDirect: boolean | null;
  isActive: boolean | null;
  filters: FilterVerdict;
  /** Salesforce's verdict when asked; null when only the rules here were evaluated. */
  matchedBySalesforce: boolean | null;
  included: boolean;
  /** The map's result for rows the filters let through. */
  mapped: MappedRow | null;
  lines: string[];
};

export type ContactExplanation = {
  contact: ContactSummary | null;
  rows: RowExplanation[];
  /** The plan entries for this contact: what a run would do with it. */
  entries: PlanEntry[];
  lines: string[];
};

export function explainContact(input: ExplainInput): ContactExplanation {
  const context = createSyncContext(input);
  const rows = input.records.map(readSyncRow);
  const first = rows[0];
  if (!first) {
    return { contact: null, rows: [], entries: [], lines: ["No such contact in Salesforce."] };
  }

  const contact = summariseContact(first);
  const matching = input.matchingRecordIds ? new Set(input.matchingRecordIds) : null;
  const own = contactKey(contact.id);
  const existing = [...input.existingPeople].filter(
    (person) => contactKey(person.salesforceContactId ?? "") === own,
  );
  const planner = createPlannerFor(context, existing);

  const explained = rows.map((row): RowExplanation => {
    const filters = evaluateFilters(context.config.filters, row, context.fieldTypes);
    const isActive = row.relation ? readRecordField(row.relation, "IsActive") !== false : null;
    const isDirect = row.relation ? readRecordField(row.relation, "IsDirect") === true : null;

    // The sync's query asks for active relations only, unless told otherwise: the same here.
    const fetchable = isActive !== false || context.config.multiAccount.includeInactiveRelations;
    const matchedBySalesforce = matching ? matching.has(row.recordId) : null;
    const included = fetchable && (matchedBySalesforce ?? filters.matched);
    const mapped = included ? mapRow(row, context) : null;
    if (included) planner.add([row.relation ?? row.contact]);

    const base = {
      recordId: row.recordId,
      accountId: row.accountId,
      accountName: summariseContact(row).accountName,
      isDirect,
      isActive,
      filters,
      matchedBySalesforce,
      included,
      mapped,
    };
    return { ...base, lines: describeRow(base, context) };
  });

  const entries = planner.finish().entries;
  const header = `${contact.name} (${contact.id})${contact.email ? `, ${contact.email}` : ""}`;
  const lines = [
    header,
    ...explained.flatMap((row) => row.lines),
    ...entries.map((entry) => describePlanEntry(entry)),
  ];
  return { contact, rows: explained, entries, lines };
}
