import type { SyncConfig } from "@/lib/sync/config";
import { type FilterRule, matchTypeArity, matchTypeLabels } from "@/lib/sync/config-rules";

/**
 * A sync config restated in plain words, one section per onboarding question: the wizard's
 * review step and the organisation overview read the same sentences. Tolerant of half-done
 * answers, since the review shows whatever the agent has typed so far.
 */

export type ConfigSection = { question: number; title: string; lines: string[] };

const quote = (value: string) => `"${value}"`;
const list = (values: string[]) => (values.length > 0 ? values.join(", ") : "(none)");

export function describeRule(rule: FilterRule): string {
  const label = matchTypeLabels[rule.match] ?? rule.match;
  const arity = matchTypeArity[rule.match];
  if (arity === "none") return `${rule.field || "(no field)"} ${label}`;
  const values = (rule.values ?? []).map(quote);
  return `${rule.field || "(no field)"} ${label} ${values.length > 0 ? values.join(", ") : "(no value)"}`;
}

function matching(config: SyncConfig): string[] {
  if (!config.multiAccount?.enabled) {
    return ["Each contact is placed on the customer of its own account (Contact.AccountId) only."];
  }
  return [
    "Contacts can relate to several accounts: each relation (AccountContactRelation) places the contact on that account's customer, and the direct relation counts once.",
    config.multiAccount.includeInactiveRelations
      ? "Inactive relations count too."
      : "Inactive relations are left out.",
  ];
}

function filters(config: SyncConfig): string[] {
  const groups = config.filters?.groups ?? [];
  if (groups.length === 0) return ["Every contact is synced: there are no filters."];
  const words = groups.map((group) => `(${group.rules.map(describeRule).join(" and ")})`);
  return [`A contact is synced when ${words.join(" or ")}.`];
}

function positions(config: SyncConfig): string[] {
  const answer = config.positions;
  if (!answer) return ["(not answered)"];
  if (answer.mode === "fixed") {
    return [`Every synced contact gets the positions ${list(answer.names ?? [])}.`];
  }
  const mappings = (answer.valueMap ?? []).map(
    (m) => `${quote(m.salesforceValue)} becomes ${m.positionName}`,
  );
  return [
    `Positions come from the Salesforce field ${answer.field || "(no field)"}; several values of a multi-select field give several positions.`,
    mappings.length > 0 ? `Values: ${mappings.join("; ")}.` : "No values are mapped.",
    answer.unmapped === "create"
      ? "A value without a mapping becomes a position of the same name."
      : "A value without a mapping gives no position.",
  ];
}

function phones(config: SyncConfig): string[] {
  const fields = config.phones ?? [];
  if (fields.length === 0) return ["No phone numbers are synced."];
  return [
    `Phone numbers from ${fields.map((p) => `${p.field} (${p.type})`).join(", ")}.`,
    "Numbers are converted to E.164 in the contact's mailing country, else the organisation's default country; the number as written is kept too.",
  ];
}

function groups(config: SyncConfig): string[] {
  return config.parentLevelStorage
    ? [
        "People are stored on the top parent of the matched customer's group; a contact reached through several child customers becomes one person with the positions merged.",
      ]
    : ["People are stored on the customer whose account matched."];
}

const leaving = {
  archive: "are archived",
  keep: "are kept as they are",
  delete: "are deleted",
} as const;

function additional(config: SyncConfig): string[] {
  const extra = config.additional;
  if (!extra) return ["(not answered)"];
  const mappings = extra.customFieldMappings ?? [];
  const lines = [
    mappings.length > 0
      ? `Custom fields: ${mappings.map((m) => `${m.salesforceField} into ${m.personField}`).join(", ")}.`
      : "No custom fields are copied.",
    extra.rules?.requireEmail
      ? "A contact without an email is skipped."
      : "Contacts without an email are synced too.",
    extra.rules?.requirePhone
      ? "A contact without a usable phone number is skipped."
      : "Contacts without a phone number are synced too.",
    `People whose contact no longer matches ${leaving[extra.rules?.onNoLongerMatching] ?? "are archived"}.`,
  ];
  if (extra.notes?.trim()) lines.push(`Notes: ${extra.notes.trim()}`);
  return lines;
}

export function describeConfig(config: SyncConfig): ConfigSection[] {
  return [
    { question: 1, title: "Contact matching", lines: matching(config) },
    { question: 2, title: "Contact filters", lines: filters(config) },
    { question: 3, title: "Positions", lines: positions(config) },
    { question: 4, title: "Phone numbers", lines: phones(config) },
    { question: 5, title: "Customer groups", lines: groups(config) },
    { question: 6, title: "Additional requirements", lines: additional(config) },
  ];
}
