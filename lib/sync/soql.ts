import type { SyncConfig } from "@/lib/sync/config";
import type { FilterGroup, FilterRule } from "@/lib/sync/config-rules";
import type { FieldTypes } from "@/lib/sync/describe";
import { escapeSoqlLike, formatSoqlLiteral, quoteSoql } from "@/lib/sync/escape";
import { parseFieldRef, soqlFieldPath } from "@/lib/sync/field-ref";

/**
 * SOQL for one sync: `FROM Contact`, or `FROM AccountContactRelation` when multi-account is on
 * so each relation arrives as its own row with the contact's fields under `Contact.`. Only the
 * fields the map needs are selected. Values are always escaped; text comparisons are left to
 * Salesforce, which compares text without regard to case.
 */

export type QueryObject = "Contact" | "AccountContactRelation";

const CONTACT_FIELDS = ["Id", "FirstName", "LastName", "Email", "AccountId", "Account.Name"];
const CONTACT_TAIL = ["MailingCountry", "IsDeleted", "SystemModstamp"];
const RELATION_FIELDS = ["Id", "AccountId", "ContactId", "IsDirect", "IsActive", "Roles"];
const RELATION_TAIL = ["IsDeleted", "SystemModstamp", "Account.Name"];
const RELATION_CONTACT_FIELDS = ["Id", "FirstName", "LastName", "Email", ...CONTACT_TAIL];

export function queryObjectOf(config: SyncConfig): QueryObject {
  return config.multiAccount.enabled ? "AccountContactRelation" : "Contact";
}

/** The fields the config reads beyond the fixed ones: phones, positions, custom mappings. */
export function configFieldRefs(config: SyncConfig): string[] {
  const refs = config.phones.map((phone) => phone.field);
  if (config.positions.mode === "field") refs.push(config.positions.field);
  for (const mapping of config.additional.customFieldMappings) refs.push(mapping.salesforceField);
  return refs;
}

export function filterFieldRefs(config: SyncConfig): string[] {
  return config.filters.groups.flatMap((group) => group.rules.map((rule) => rule.field));
}

export function buildSelectFields(config: SyncConfig, extraRefs: string[] = []): string[] {
  const from = queryObjectOf(config);
  const fixed =
    from === "Contact"
      ? [...CONTACT_FIELDS, ...CONTACT_TAIL]
      : [
          ...RELATION_FIELDS,
          ...RELATION_TAIL,
          ...RELATION_CONTACT_FIELDS.map((f) => `Contact.${f}`),
        ];
  const extra = [...configFieldRefs(config), ...extraRefs].map((ref) =>
    soqlFieldPath(parseFieldRef(ref), from),
  );

  // Salesforce refuses a field selected twice, whatever its case.
  const seen = new Set<string>();
  return [...fixed, ...extra].filter((path) => {
    const key = path.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** For INCLUDES and EXCLUDES: `'A;B'` means both A and B, written without stray spaces. */
function formatMultiSelectValue(value: string): string {
  return quoteSoql(
    value
      .split(";")
      .map((part) => part.trim())
      .join(";"),
  );
}

export function formatListValue(rule: FilterRule, value: string, fieldTypes: FieldTypes): string {
  if (rule.match === "includesAny" || rule.match === "excludesAll") {
    return formatMultiSelectValue(value);
  }
  return formatSoqlLiteral(value, fieldTypes[rule.field]);
}

export function buildRuleCondition(rule: FilterRule, from: QueryObject, types: FieldTypes): string {
  const path = soqlFieldPath(parseFieldRef(rule.field), from);
  const [first = ""] = rule.values;
  const value = () => formatSoqlLiteral(first, types[rule.field]);
  const list = () => rule.values.map((v) => formatListValue(rule, v, types)).join(", ");

  switch (rule.match) {
    case "equals":
      return `${path} = ${value()}`;
    case "notEquals":
      return `${path} != ${value()}`;
    case "contains":
      return `${path} LIKE '%${escapeSoqlLike(first)}%'`;
    case "notContains":
      return `(NOT ${path} LIKE '%${escapeSoqlLike(first)}%')`;
    case "startsWith":
      return `${path} LIKE '${escapeSoqlLike(first)}%'`;
    case "inList":
      return `${path} IN (${list()})`;
    case "notInList":
      return `${path} NOT IN (${list()})`;
    case "includesAny":
      return `${path} INCLUDES (${list()})`;
    case "excludesAll":
      return `${path} EXCLUDES (${list()})`;
    case "greaterThan":
      return `${path} > ${value()}`;
    case "lessThan":
      return `${path} < ${value()}`;
    case "isEmpty":
      return `${path} = null`;
    case "isNotEmpty":
      return `${path} != null`;
  }
}

/** Groups OR'ed, rules inside a group AND'ed; null when there is nothing to filter on. */
export function buildFilterClause(
  groups: FilterGroup[],
  from: QueryObject,
  types: FieldTypes,
): string | null {
  if (groups.length === 0) return null;
  const clauses = groups.map((group) =>
    group.rules.map((rule) => buildRuleCondition(rule, from, types)).join(" AND "),
  );
  if (clauses.length === 1) return clauses[0] ?? null;
  return clauses
    .map((clause, i) => ((groups[i]?.rules.length ?? 0) > 1 ? `(${clause})` : clause))
    .join(" OR ");
}

export type SoqlOptions = {
  groups?: FilterGroup[];
  /** More conditions AND'ed to the filters, such as an Id for explaining one contact. */
  extraConditions?: string[];
  extraFields?: string[];
  /** Selects these instead of the fields the map needs. */
  fields?: string[];
  /** Explaining a contact reads it whether or not it matches the filters. */
  withoutFilters?: boolean;
};

export function buildSoql(
  config: SyncConfig,
  types: FieldTypes,
  options: SoqlOptions = {},
): string {
  const from = queryObjectOf(config);
  const fields = options.fields ?? buildSelectFields(config, options.extraFields);
  const groups = options.groups ?? config.filters.groups;
  const extra = options.extraConditions ?? [];

  const activeOnly =
    from === "AccountContactRelation" &&
    !config.multiAccount.includeInactiveRelations &&
    !options.withoutFilters;
  const filter = options.withoutFilters ? null : buildFilterClause(groups, from, types);

  // OR'ed groups need their own parentheses once anything else is AND'ed to them.
  const othersAnded = activeOnly || extra.length > 0;
  const conditions = [
    ...(activeOnly ? ["IsActive = true"] : []),
    ...(filter ? [groups.length > 1 && othersAnded ? `(${filter})` : filter] : []),
    ...extra,
  ];

  const where = conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "";
  return `SELECT ${fields.join(", ")} FROM ${from}${where}`;
}
