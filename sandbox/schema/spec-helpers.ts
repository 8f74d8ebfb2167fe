import type { FieldSpec, FieldType } from "./field-def";

export function f(
  name: string,
  type: FieldType,
  label: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return { name, type, label, ...extra };
}

export function ref(name: string, label: string, to: string, relationshipName: string): FieldSpec {
  return f(name, "reference", label, { referenceTo: [to], relationshipName });
}

export function picklist(
  name: string,
  label: string,
  values: string[],
  type: FieldType = "picklist",
): FieldSpec {
  return f(name, type, label, { picklistValues: values });
}

/** Fields every sObject in the sandbox carries, in describe order. */
export function auditFields(): FieldSpec[] {
  return [
    f("CreatedDate", "datetime", "Created Date", { nillable: false }),
    ref("CreatedById", "Created By ID", "User", "CreatedBy"),
    f("LastModifiedDate", "datetime", "Last Modified Date", { nillable: false }),
    ref("LastModifiedById", "Last Modified By ID", "User", "LastModifiedBy"),
    f("SystemModstamp", "datetime", "System Modstamp", { nillable: false }),
  ];
}

/** Street, city, state, postal code, country, geolocation and the compound address field. */
export function addressFields(prefix: string, label: string): FieldSpec[] {
  return [
    f(`${prefix}Street`, "textarea", `${label} Street`),
    f(`${prefix}City`, "string", `${label} City`, { length: 40 }),
    f(`${prefix}State`, "string", `${label} State/Province`, { length: 80 }),
    f(`${prefix}PostalCode`, "string", `${label} Zip/Postal Code`, { length: 20 }),
    f(`${prefix}Country`, "string", `${label} Country`, { length: 80 }),
    f(`${prefix}Latitude`, "double", `${label} Latitude`),
    f(`${prefix}Longitude`, "double", `${label} Longitude`),
    f(`${prefix}Address`, "address", `${label} Address`),
  ];
}
