import {
  type FieldDescribe,
  findField,
  type OrgDescribes,
  type SObjectDescribe,
} from "@/lib/sync/describe";
import { formatFieldRef, parseFieldRef, type SyncObject } from "@/lib/sync/field-ref";

/**
 * The org's describes cut down to what the wizard needs, small enough to hand to the browser,
 * where the field pickers are built from them and `validateConfig` runs on them as on the server.
 */

function trimField(field: FieldDescribe): FieldDescribe {
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    filterable: field.filterable,
    ...(field.deprecatedAndHidden ? { deprecatedAndHidden: true } : {}),
    ...(field.picklistValues?.length
      ? {
          picklistValues: field.picklistValues.map(({ value, active, label }) => ({
            value,
            active,
            label: label ?? null,
          })),
        }
      : {}),
  };
}

function trimObject(describe: SObjectDescribe): SObjectDescribe {
  return { name: describe.name, fields: describe.fields.map(trimField) };
}

export function trimDescribes(describes: OrgDescribes): OrgDescribes {
  return {
    Contact: trimObject(describes.Contact),
    Account: trimObject(describes.Account),
    AccountContactRelation: describes.AccountContactRelation
      ? trimObject(describes.AccountContactRelation)
      : null,
  };
}

export type FieldOption = { ref: string; object: SyncObject; field: FieldDescribe };

export type FieldPurpose = "filter" | "position" | "phone" | "mapping";

const COMPOUND = new Set(["address", "location", "base64"]);
const POSITION_TYPES = new Set(["picklist", "multipicklist", "string", "combobox"]);

function fits(purpose: FieldPurpose, object: SyncObject, field: FieldDescribe): boolean {
  if (field.deprecatedAndHidden || COMPOUND.has(field.type)) return false;
  switch (purpose) {
    case "filter":
      return field.filterable;
    case "position":
      return object !== "Account" && POSITION_TYPES.has(field.type);
    case "phone":
      return object === "Contact" && field.type === "phone";
    case "mapping":
      return true;
  }
}

/** The fields offered for one purpose, Contact first; relation fields only with multi-account. */
export function fieldOptions(
  describes: OrgDescribes,
  purpose: FieldPurpose,
  multiAccount: boolean,
): FieldOption[] {
  const objects: SyncObject[] = ["Contact", "Account", "AccountContactRelation"];
  return objects.flatMap((object) => {
    const describe = describes[object];
    if (!describe || (object === "AccountContactRelation" && !multiAccount)) return [];
    return describe.fields
      .filter((field) => fits(purpose, object, field))
      .map((field) => ({ ref: formatFieldRef({ object, name: field.name }), object, field }));
  });
}

/** The describe of a field reference, case-insensitively, or undefined for an unknown field. */
export function findFieldOption(describes: OrgDescribes, ref: string): FieldDescribe | undefined {
  const { object, name } = parseFieldRef(ref);
  const describe = describes[object];
  return describe ? findField(describe, name) : undefined;
}
