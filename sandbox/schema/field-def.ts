// One field of an sObject as the sandbox understands it. Fields loaded from a real describe keep
// the original describe entry so the describe endpoint answers with Salesforce's own bytes.

export type FieldType =
  | "id"
  | "boolean"
  | "reference"
  | "string"
  | "textarea"
  | "picklist"
  | "multipicklist"
  | "combobox"
  | "phone"
  | "email"
  | "url"
  | "double"
  | "currency"
  | "percent"
  | "int"
  | "date"
  | "datetime"
  | "address";

export interface FieldDef {
  name: string;
  type: FieldType;
  label: string;
  custom: boolean;
  filterable: boolean;
  sortable: boolean;
  nillable: boolean;
  picklistValues: string[];
  referenceTo: string[];
  relationshipName: string | null;
  length: number;
  externalId: boolean;
  /** Present in the org but invisible to the integration user (field-level security). */
  hidden: boolean;
  describe?: Record<string, unknown>;
}

export type FieldSpec = Pick<FieldDef, "name" | "type"> & Partial<Omit<FieldDef, "name" | "type">>;

/** A custom or overriding field declared by a seed, the generator or a test. */
export interface CustomFieldSpec extends FieldSpec {
  object: string;
}

const TEXT_TYPES = new Set<FieldType>([
  "id",
  "reference",
  "string",
  "textarea",
  "picklist",
  "multipicklist",
  "combobox",
  "phone",
  "email",
  "url",
]);

export function isTextType(type: FieldType): boolean {
  return TEXT_TYPES.has(type);
}

export function isNumberType(type: FieldType): boolean {
  return type === "double" || type === "currency" || type === "percent" || type === "int";
}

export function defineField(spec: FieldSpec): FieldDef {
  const longText = spec.type === "textarea" && (spec.length ?? 255) > 255;
  return {
    label: spec.label ?? labelFromName(spec.name),
    custom: spec.custom ?? spec.name.endsWith("__c"),
    filterable: spec.filterable ?? (!longText && spec.type !== "address"),
    sortable: spec.sortable ?? (!longText && spec.type !== "multipicklist"),
    nillable: spec.nillable ?? true,
    picklistValues: spec.picklistValues ?? [],
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.relationshipName ?? null,
    length: spec.length ?? defaultLength(spec.type),
    externalId: spec.externalId ?? false,
    hidden: spec.hidden ?? false,
    ...(spec.describe ? { describe: spec.describe } : {}),
    name: spec.name,
    type: spec.type,
  };
}

/** A FieldDef from an entry of a real `fields` array in a describe response. */
export function fieldFromDescribe(entry: Record<string, unknown>): FieldDef {
  const picklist = (entry.picklistValues as { value: string }[] | undefined) ?? [];
  return defineField({
    name: String(entry.name),
    type: String(entry.type) as FieldType,
    label: String(entry.label),
    custom: Boolean(entry.custom),
    filterable: Boolean(entry.filterable),
    sortable: Boolean(entry.sortable),
    nillable: Boolean(entry.nillable),
    picklistValues: picklist.map((p) => p.value),
    referenceTo: (entry.referenceTo as string[] | undefined) ?? [],
    relationshipName: (entry.relationshipName as string | null | undefined) ?? null,
    length: Number(entry.length ?? 0),
    externalId: Boolean(entry.externalId),
    describe: entry,
  });
}

function defaultLength(type: FieldType): number {
  if (type === "id" || type === "reference") return 18;
  if (type === "phone") return 40;
  if (type === "email") return 80;
  if (type === "multipicklist") return 4099;
  if (isTextType(type)) return 255;
  return 0;
}

function labelFromName(name: string): string {
  return name
    .replace(/__c$/, "")
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .trim();
}
