import type { FieldSpec } from "./field-def";
import { addressFields, auditFields, f, picklist, ref } from "./spec-helpers";

// The Account fields a sync touches, used when no recorded describe is available.
export function accountFieldSpecs(): FieldSpec[] {
  return [
    f("Id", "id", "Account ID", { nillable: false }),
    f("IsDeleted", "boolean", "Deleted", { nillable: false }),
    ref("MasterRecordId", "Master Record ID", "Account", "MasterRecord"),
    f("Name", "string", "Account Name", { nillable: false }),
    picklist("Type", "Account Type", ["Prospect", "Customer - Direct", "Customer - Channel"]),
    ref("ParentId", "Parent Account ID", "Account", "Parent"),
    ...addressFields("Billing", "Billing"),
    ...addressFields("Shipping", "Shipping"),
    f("Phone", "phone", "Account Phone"),
    f("Fax", "phone", "Account Fax"),
    f("AccountNumber", "string", "Account Number", { length: 40 }),
    f("Website", "url", "Website"),
    f("Industry", "picklist", "Industry"),
    f("AnnualRevenue", "currency", "Annual Revenue"),
    f("NumberOfEmployees", "int", "Employees"),
    f("Description", "textarea", "Account Description", { length: 32000 }),
    ref("OwnerId", "Owner ID", "User", "Owner"),
    ...auditFields(),
    picklist("AccountSource", "Account Source", ["Web", "Phone Inquiry", "Partner Referral"]),
  ];
}

/** Added to Account when person accounts are enabled in the org. */
export function personAccountFieldSpecs(): FieldSpec[] {
  return [
    f("IsPersonAccount", "boolean", "Is Person Account", { nillable: false }),
    ref("PersonContactId", "Person Contact ID", "Contact", "PersonContact"),
    f("PersonEmail", "email", "Email"),
    f("PersonMobilePhone", "phone", "Mobile"),
  ];
}

/** Added to Contact when person accounts are enabled in the org. */
export function personContactFieldSpecs(): FieldSpec[] {
  return [f("IsPersonAccount", "boolean", "Is Person Account", { nillable: false })];
}
