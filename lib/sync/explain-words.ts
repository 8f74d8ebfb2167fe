import type { SyncContext } from "@/lib/sync/context";
import { describeCustomerPath } from "@/lib/sync/customers";
import type { FilterVerdict } from "@/lib/sync/evaluate";
import type { MappedRow } from "@/lib/sync/map";
import type { PersonChange } from "@/lib/sync/person-diff";
import type { PhoneTrace } from "@/lib/sync/phones";
import type { PlanEntry } from "@/lib/sync/plan-types";
import type { PositionStep } from "@/lib/sync/positions";

/** The sentences of an explanation, one step per line, in the order the sync takes them. */

type RowFacts = {
  accountId: string | null;
  accountName: string | null;
  isDirect: boolean | null;
  isActive: boolean | null;
  filters: FilterVerdict;
  matchedBySalesforce: boolean | null;
  included: boolean;
  mapped: MappedRow | null;
};

export function describeRow(row: RowFacts, context: SyncContext): string[] {
  const account = row.accountId ? `${row.accountName ?? "an account"} (${row.accountId})` : null;
  const lines: string[] = [];

  if (row.isDirect !== null) {
    const kind = row.isDirect ? "direct" : "indirect";
    const state = row.isActive ? "active" : "inactive";
    lines.push(`Relation to ${account ?? "no account"}: ${kind}, ${state}.`);
  } else {
    lines.push(account ? `Account: ${account}.` : "Account: none.");
  }

  lines.push(...describeFilters(row.filters));
  if (row.matchedBySalesforce !== null && row.matchedBySalesforce !== row.filters.matched) {
    const verdict = row.matchedBySalesforce ? "matches" : "does not match";
    lines.push(`Salesforce says this row ${verdict} the filters; its verdict decides.`);
  }
  if (!row.included) {
    const inactiveLeftOut =
      row.isActive === false && !context.config.multiAccount.includeInactiveRelations;
    lines.push(
      inactiveLeftOut
        ? "Left out: the relation is inactive, and only active relations count."
        : "Left out: the filters exclude it.",
    );
    return lines;
  }

  const mapped = row.mapped;
  if (!mapped) return lines;
  const { code, from } = mapped.country;
  const source = from === "mailingCountry" ? "the mailing country" : "the organisation's default";
  lines.push(`Phone numbers read as ${code ?? "international only"}, from ${source}.`);
  lines.push(...mapped.phoneTraces.map(describePhone));

  const { placement, skip } = mapped.result;
  if (skip) {
    lines.push(`Skipped: ${skip.reason}`);
    return lines;
  }
  if (placement.customer.id === placement.matchedCustomer.id) {
    lines.push(`Lands on the customer ${placement.customer.name}.`);
  } else {
    const top = context.customers.topParentOf(placement.matchedCustomer);
    const path = top.ok ? describeCustomerPath(top.path) : placement.matchedCustomer.name;
    lines.push(
      `Matches the customer ${placement.matchedCustomer.name}; People are stored at the top parent, so it lands on ${placement.customer.name} (${path}).`,
    );
  }
  lines.push(describePositions(placement.person.positions, placement.positionSteps, context));
  return lines;
}

function describeFilters(filters: FilterVerdict): string[] {
  if (filters.groups.length === 0) return ["Filters: none, so every contact matches."];
  return filters.groups.flatMap((group, g) => [
    `Filter group ${g + 1}: ${group.matched ? "matches" : "does not match"}.`,
    ...group.rules.map((rule) => `  ${rule.text}`),
  ]);
}

function describePhone(trace: PhoneTrace): string {
  switch (trace.outcome) {
    case "blank":
      return `${trace.field}: empty.`;
    case "normalised":
      return `${trace.field}: "${trace.raw}" becomes ${trace.e164} (${trace.type}).`;
    case "unreadable":
      return `${trace.field}: "${trace.raw}" is not a readable phone number; kept as written.`;
    case "duplicate":
      return `${trace.field}: "${trace.raw}" is the same number as ${trace.sameAs}; kept once.`;
  }
}

function describePositions(names: string[], steps: PositionStep[], context: SyncContext): string {
  const list = names.length > 0 ? names.join(", ") : "none";
  if (context.config.positions.mode === "fixed") {
    return `Positions: ${list} (the same for every synced contact).`;
  }
  const field = context.config.positions.field;
  if (steps.length === 0) return `Positions: none, as ${field} is empty.`;
  const reasons = steps.map((step) => {
    if (step.how === "mapped") return `"${step.value}" maps to ${step.positions.join(", ")}`;
    if (step.how === "created") return `"${step.value}" has no mapping and becomes a position`;
    return `"${step.value}" has no mapping and is ignored`;
  });
  return `Positions: ${list}, from ${field}: ${reasons.join("; ")}.`;
}

export function describeChange(change: PersonChange): string {
  const show = (value: unknown) => (value === null ? "empty" : JSON.stringify(value));
  switch (change.field) {
    case "phones":
      return `phones ${change.before.map((p) => p.e164 ?? p.raw).join(", ") || "none"} → ${change.after.map((p) => p.e164 ?? p.raw).join(", ") || "none"}`;
    case "positions":
      return `positions ${change.before.join(", ") || "none"} → ${change.after.join(", ") || "none"}`;
    case "customField":
      return `${change.key} ${show(change.before)} → ${show(change.after)}`;
    case "archived":
      return "archived → active again";
    default:
      return `${change.field} ${show(change.before)} → ${show(change.after)}`;
  }
}

export function describePlanEntry(entry: PlanEntry): string {
  const customer = entry.customer ? ` on ${entry.customer.name}` : "";
  const changes =
    entry.changes.length > 0 ? `: ${entry.changes.map(describeChange).join("; ")}` : "";
  const reason = entry.reason ? ` ${entry.reason}` : "";
  return `Outcome: ${entry.outcome}${customer}${changes}.${reason}`;
}
