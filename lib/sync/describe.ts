/**
 * The parts of a Salesforce describe response (`GET /sobjects/{name}/describe`) that the sync
 * reads. Structural, so the full responses from jsforce or the sandbox fit as they are.
 */
export type PicklistValueDescribe = { value: string; active: boolean; label?: string | null };

export type FieldDescribe = {
  name: string;
  label: string;
  type: string;
  filterable: boolean;
  deprecatedAndHidden?: boolean;
  picklistValues?: PicklistValueDescribe[] | null;
};

export type SObjectDescribe = { name: string; fields: FieldDescribe[] };

/** AccountContactRelation is null in orgs without Contacts to Multiple Accounts. */
export type OrgDescribes = {
  Contact: SObjectDescribe;
  Account: SObjectDescribe;
  AccountContactRelation: SObjectDescribe | null;
};

/** Describe types of the fields a config uses, by canonical field reference (`Account.Type`). */
export type FieldTypes = Record<string, string>;

/** Salesforce field names are case-insensitive; the describe has the canonical spelling. */
export function findField(describe: SObjectDescribe, name: string): FieldDescribe | undefined {
  const wanted = name.toLowerCase();
  return describe.fields.find((field) => field.name.toLowerCase() === wanted);
}

const typeWords: Record<string, string> = {
  string: "a text field",
  textarea: "a text area field",
  picklist: "a picklist",
  multipicklist: "a multi-select picklist",
  combobox: "a combo box",
  email: "an email field",
  phone: "a phone field",
  url: "a URL field",
  boolean: "a checkbox",
  int: "a number field",
  long: "a number field",
  double: "a number field",
  currency: "a currency field",
  percent: "a percent field",
  date: "a date field",
  datetime: "a date/time field",
  time: "a time field",
  id: "an Id field",
  reference: "a lookup (Id) field",
  address: "a compound address field",
  location: "a compound location field",
  base64: "a file field",
  encryptedstring: "an encrypted text field",
};

/** "a multi-select picklist", for messages such as "Title (Title) is a text field". */
export function describeFieldType(type: string): string {
  return typeWords[type] ?? `a ${type} field`;
}

export const textTypes = new Set([
  "string",
  "textarea",
  "picklist",
  "combobox",
  "email",
  "phone",
  "url",
  "encryptedstring",
]);
export const numberTypes = new Set(["int", "long", "double", "currency", "percent"]);
export const dateTypes = new Set(["date", "datetime"]);
export const idTypes = new Set(["id", "reference"]);
