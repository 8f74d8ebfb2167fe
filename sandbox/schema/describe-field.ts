import type { FieldDef } from "./field-def";

type Json = Record<string, unknown>;

const SOAP_TYPES: Record<string, string> = {
  id: "tns:ID",
  reference: "tns:ID",
  boolean: "xsd:boolean",
  double: "xsd:double",
  currency: "xsd:double",
  percent: "xsd:double",
  int: "xsd:int",
  date: "xsd:date",
  datetime: "xsd:dateTime",
  address: "urn:address",
};

/** A describe `fields` entry for a field that has no recorded one. */
export function describeField(field: FieldDef): Json {
  const text = SOAP_TYPES[field.type] === undefined;
  return {
    aggregatable: field.type !== "textarea" && field.type !== "address",
    autoNumber: false,
    byteLength: text ? field.length * 3 : 0,
    calculated: false,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: false,
    compoundFieldName: null,
    controllerName: null,
    createable: !["id", "address"].includes(field.type) && !isAudit(field.name),
    custom: field.custom,
    defaultValue: field.type === "boolean" ? false : null,
    defaultValueFormula: null,
    defaultedOnCreate: field.type === "boolean" || isAudit(field.name),
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: field.type === "int" ? 9 : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: field.externalId,
    extraTypeInfo: null,
    filterable: field.filterable,
    filteredLookupInfo: null,
    groupable: field.sortable && field.type !== "datetime",
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: field.type === "id" || field.externalId,
    inlineHelpText: null,
    label: field.label,
    length: text || field.type === "id" || field.type === "reference" ? field.length : 0,
    mask: null,
    maskType: null,
    name: field.name,
    nameField: field.name === "Name",
    namePointing: false,
    nillable: field.nillable,
    permissionable: field.custom,
    picklistValues: field.picklistValues.map((value) => ({
      active: true,
      defaultValue: false,
      label: value,
      validFor: null,
      value,
    })),
    polymorphicForeignKey: false,
    precision: field.type === "double" || field.type === "currency" ? 18 : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: false,
    scale: field.type === "double" || field.type === "currency" ? 2 : 0,
    soapType: SOAP_TYPES[field.type] ?? "xsd:string",
    sortable: field.sortable,
    type: field.type,
    unique: false,
    updateable: !["id", "address"].includes(field.type) && !isAudit(field.name),
    writeRequiresMasterRead: false,
  };
}

function isAudit(name: string): boolean {
  return /^(CreatedDate|CreatedById|LastModifiedDate|LastModifiedById|SystemModstamp|IsDeleted)$/.test(
    name,
  );
}
