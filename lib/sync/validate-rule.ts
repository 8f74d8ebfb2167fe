import { type FilterRule, type MatchType, matchTypeLabels } from "@/lib/sync/config-rules";
import {
  dateTypes,
  describeFieldType,
  type FieldDescribe,
  idTypes,
  numberTypes,
  textTypes,
} from "@/lib/sync/describe";
import { SOQL_DATE, SOQL_DATETIME, SOQL_NUMBER } from "@/lib/sync/escape";

/**
 * Whether a filter rule fits its field the way Salesforce allows: LIKE on text only, INCLUDES
 * and EXCLUDES on multi-select picklists only, comparisons on numbers and dates, and values
 * written the way SOQL reads them for the field's type.
 */

/** `on` says which part of the rule the agent has to change. */
export type RuleProblem = {
  on: "field" | "match" | "values";
  message: string;
  severity: "error" | "warning";
};

/** "Description (Contact Description)", or just "Title" when the label says the same. */
export function nameField(field: FieldDescribe): string {
  return field.label && field.label !== field.name ? `${field.name} (${field.label})` : field.name;
}

const multiSelectMatches: MatchType[] = [
  "equals",
  "notEquals",
  "includesAny",
  "excludesAll",
  "isEmpty",
  "isNotEmpty",
];

export function checkMatchFits(match: MatchType, field: FieldDescribe): string | null {
  const label = `'${matchTypeLabels[match]}'`;
  const what = `${nameField(field)} is ${describeFieldType(field.type)}`;

  if (field.type === "address" || field.type === "location") {
    return `${what}; filter on one of its parts instead, such as MailingCity.`;
  }
  if (field.type === "multipicklist") {
    if (multiSelectMatches.includes(match)) return null;
    return `${label} does not work on multi-select picklists; use 'includes any of' or 'excludes all of'.`;
  }
  if (match === "includesAny" || match === "excludesAll") {
    return `${label} works only on multi-select picklists; ${what}.`;
  }
  if (match === "contains" || match === "notContains" || match === "startsWith") {
    return textTypes.has(field.type) ? null : `${label} works only on text fields; ${what}.`;
  }
  if (match === "greaterThan" || match === "lessThan") {
    const comparable = numberTypes.has(field.type) || dateTypes.has(field.type);
    return comparable ? null : `${label} works only on number and date fields; ${what}.`;
  }
  if (field.type === "boolean" && match !== "equals" && match !== "notEquals") {
    return `${label} does not work on checkboxes; use 'equals' with true or false.`;
  }
  return null;
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** The first value that SOQL could not read for this field's type, worded for the agent. */
export function checkValueFits(value: string, field: FieldDescribe): string | null {
  if (numberTypes.has(field.type) && !SOQL_NUMBER.test(value)) {
    return `"${value}" is not a number; write it like 1200 or 12.5.`;
  }
  if (field.type === "date" && !(SOQL_DATE.test(value) && isRealDate(value))) {
    return `"${value}" is not a date; write it as YYYY-MM-DD, for example 2024-12-31.`;
  }
  if (field.type === "datetime" && !(SOQL_DATETIME.test(value) && isRealDate(value.slice(0, 10)))) {
    return `"${value}" is not a date and time; write it like 2024-12-31T23:59:59Z.`;
  }
  if (field.type === "boolean" && !/^(true|false)$/i.test(value)) {
    return `"${value}" is not true or false.`;
  }
  if (idTypes.has(field.type) && !SALESFORCE_ID.test(value)) {
    return `"${value}" is not a Salesforce Id (15 or 18 letters and digits).`;
  }
  return null;
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Picklist values outside the field's list match no contact, or only old data: a warning. */
export function checkPicklistValue(value: string, field: FieldDescribe): string | null {
  if (field.type !== "picklist" && field.type !== "multipicklist") return null;
  const options = field.picklistValues ?? [];
  if (options.length === 0) return null;

  const parts = field.type === "multipicklist" ? value.split(";") : [value];
  for (const part of parts.map((p) => p.trim())) {
    const option = options.find((o) => o.value.toLowerCase() === part.toLowerCase());
    if (!option) return `"${part}" is not a value of the picklist ${field.label || field.name}.`;
    if (!option.active) return `"${part}" is an inactive value of ${field.label || field.name}.`;
  }
  return null;
}

export function checkRule(rule: FilterRule, field: FieldDescribe): RuleProblem[] {
  if (!field.filterable) {
    const message = `Salesforce cannot filter on ${nameField(field)}.`;
    return [{ on: "field", message, severity: "error" }];
  }

  const misfit = checkMatchFits(rule.match, field);
  if (misfit) return [{ on: "match", message: misfit, severity: "error" }];

  const problems: RuleProblem[] = [];
  for (const value of rule.values) {
    const wrongFormat = checkValueFits(value, field);
    if (wrongFormat) problems.push({ on: "values", message: wrongFormat, severity: "error" });

    const unknownOption = checkPicklistValue(value, field);
    if (unknownOption) problems.push({ on: "values", message: unknownOption, severity: "warning" });
  }
  return problems;
}
