import type { SyncConfig } from "@/lib/sync/config";
import {
  describeFieldType,
  type FieldDescribe,
  type FieldTypes,
  findField,
  type OrgDescribes,
} from "@/lib/sync/describe";
import { formatFieldRef, parseFieldRef } from "@/lib/sync/field-ref";
import { type ConfigIssue, hasErrors } from "@/lib/sync/issues";
import { buildSyncQueries, QueryTooLongError } from "@/lib/sync/soql-split";
import { checkPicklistValue, checkRule, nameField } from "@/lib/sync/validate-rule";

export type ValidatedConfig = {
  ok: boolean;
  /** The config with every field spelt as the describe spells it (`title` becomes `Title`). */
  config: SyncConfig;
  /** Describe types of the fields used, for building SOQL and mapping values. */
  fieldTypes: FieldTypes;
  issues: ConfigIssue[];
};

type Resolved = { canonical: string; field: FieldDescribe };
type Resolve = (ref: string, path: string) => Resolved | null;

const POSITION_TYPES = new Set(["picklist", "multipicklist", "string", "combobox"]);
const UNMAPPABLE_TYPES = new Set(["address", "location", "base64"]);

/**
 * Checks a shape-valid config against the org's live describe before anything runs: every field
 * exists and is visible to the integration user, filters fit their field, phone fields hold
 * phone numbers, and the org has AccountContactRelation when multi-account is on.
 */
export function validateConfig(input: SyncConfig, describes: OrgDescribes): ValidatedConfig {
  const config = structuredClone(input);
  const issues: ConfigIssue[] = [];
  const fieldTypes: FieldTypes = {};
  const resolve = createResolver(describes, issues, fieldTypes);

  if (config.multiAccount.enabled && !describes.AccountContactRelation) {
    issues.push({
      path: "multiAccount.enabled",
      field: null,
      message:
        "This org does not have Contacts to Multiple Accounts turned on (it has no AccountContactRelation object); turn it on in Salesforce or answer no to this question.",
      severity: "error",
    });
  }

  checkFilters(config, resolve, issues);
  checkPositions(config, resolve, issues);
  checkPhones(config, resolve, issues);
  checkMappings(config, resolve, issues);

  if (!hasErrors(issues)) issues.push(...checkQueriesFit(config, fieldTypes));

  return { ok: !hasErrors(issues), config, fieldTypes, issues };
}

/** Finds a field case-insensitively, records its type, or reports why it cannot be used. */
function createResolver(describes: OrgDescribes, issues: ConfigIssue[], types: FieldTypes) {
  return (ref: string, path: string): Resolved | null => {
    const parsed = parseFieldRef(ref);
    const describe = describes[parsed.object];
    // A missing AccountContactRelation is reported once, on the multi-account answer.
    if (!describe) return null;

    const field = findField(describe, parsed.name);
    if (!field) {
      const message = `The field ${parsed.name} does not exist on ${parsed.object} or is hidden from the integration user.`;
      issues.push({ path, field: ref, message, severity: "error" });
      return null;
    }

    const canonical = formatFieldRef({ object: parsed.object, name: field.name });
    if (field.deprecatedAndHidden) {
      const message = `The field ${canonical} is deprecated and hidden in Salesforce.`;
      issues.push({ path, field: canonical, message, severity: "error" });
      return null;
    }

    types[canonical] = field.type;
    return { canonical, field };
  };
}

function checkFilters(config: SyncConfig, resolve: Resolve, issues: ConfigIssue[]) {
  config.filters.groups.forEach((group, g) =>
    group.rules.forEach((rule, r) => {
      const path = `filters.groups.${g}.rules.${r}`;
      const resolved = resolve(rule.field, `${path}.field`);
      if (!resolved) return;

      rule.field = resolved.canonical;
      for (const { on, message, severity } of checkRule(rule, resolved.field)) {
        issues.push({ path: `${path}.${on}`, field: resolved.canonical, message, severity });
      }
    }),
  );
}

function checkPositions(config: SyncConfig, resolve: Resolve, issues: ConfigIssue[]) {
  const positions = config.positions;
  if (positions.mode !== "field") return;
  const resolved = resolve(positions.field, "positions.field");
  if (!resolved) return;

  positions.field = resolved.canonical;
  if (!POSITION_TYPES.has(resolved.field.type)) {
    issues.push({
      path: "positions.field",
      field: resolved.canonical,
      message: `Positions can come from a picklist, multi-select picklist or text field; ${nameField(resolved.field)} is ${describeFieldType(resolved.field.type)}.`,
      severity: "error",
    });
  }

  positions.valueMap.forEach((mapping, i) => {
    const unknown = checkPicklistValue(mapping.salesforceValue, resolved.field);
    if (!unknown) return;
    const path = `positions.valueMap.${i}.salesforceValue`;
    issues.push({ path, field: resolved.canonical, message: unknown, severity: "warning" });
  });
}

function checkPhones(config: SyncConfig, resolve: Resolve, issues: ConfigIssue[]) {
  config.phones.forEach((phone, i) => {
    const path = `phones.${i}.field`;
    if (parseFieldRef(phone.field).object !== "Contact") {
      const message = `Phone numbers come from Contact fields; ${phone.field} is not on Contact.`;
      issues.push({ path, field: phone.field, message, severity: "error" });
      return;
    }
    const resolved = resolve(phone.field, path);
    if (!resolved) return;

    phone.field = resolved.canonical;
    if (resolved.field.type === "phone" || resolved.field.type === "string") return;
    issues.push({
      path,
      field: resolved.canonical,
      message: `${nameField(resolved.field)} is ${describeFieldType(resolved.field.type)}; phone numbers must come from a phone or text field.`,
      severity: "error",
    });
  });
}

function checkMappings(config: SyncConfig, resolve: Resolve, issues: ConfigIssue[]) {
  config.additional.customFieldMappings.forEach((mapping, i) => {
    const path = `additional.customFieldMappings.${i}.salesforceField`;
    const resolved = resolve(mapping.salesforceField, path);
    if (!resolved) return;

    mapping.salesforceField = resolved.canonical;
    if (!UNMAPPABLE_TYPES.has(resolved.field.type)) return;
    issues.push({
      path,
      field: resolved.canonical,
      message: `${nameField(resolved.field)} is ${describeFieldType(resolved.field.type)} and cannot be copied into a custom field; map one of its parts instead.`,
      severity: "error",
    });
  });
}

function checkQueriesFit(config: SyncConfig, fieldTypes: FieldTypes): ConfigIssue[] {
  try {
    buildSyncQueries(config, fieldTypes);
    return [];
  } catch (error) {
    if (!(error instanceof QueryTooLongError)) throw error;
    return [{ path: "filters", field: null, message: error.message, severity: "error" }];
  }
}
