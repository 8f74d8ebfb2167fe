import type { FieldSpec } from "./field-def";
import { f, picklist, ref } from "./spec-helpers";

export const RELATION_ROLES = [
  "Business User",
  "Decision Maker",
  "Economic Buyer",
  "Economic Decision Maker",
  "Evaluator",
  "Executive Sponsor",
  "Influencer",
  "Technical Buyer",
  "Other",
];

// AccountContactRelation as documented in Salesforce's object reference; the recorded samples
// come from an org without Contacts to Multiple Accounts, so there is no real describe of it.
export function relationFieldSpecs(): FieldSpec[] {
  return [
    f("Id", "id", "Account Contact Relationship ID", { nillable: false }),
    ref("AccountId", "Account ID", "Account", "Account"),
    ref("ContactId", "Contact ID", "Contact", "Contact"),
    f("IsDirect", "boolean", "Direct", { nillable: false }),
    f("IsActive", "boolean", "Active", { nillable: false }),
    picklist("Roles", "Roles", RELATION_ROLES, "multipicklist"),
    f("StartDate", "date", "Start Date"),
    f("EndDate", "date", "End Date"),
    f("IsDeleted", "boolean", "Deleted", { nillable: false }),
    f("CreatedDate", "datetime", "Created Date", { nillable: false }),
    ref("CreatedById", "Created By ID", "User", "CreatedBy"),
    f("LastModifiedDate", "datetime", "Last Modified Date", { nillable: false }),
    ref("LastModifiedById", "Last Modified By ID", "User", "LastModifiedBy"),
    f("SystemModstamp", "datetime", "System Modstamp", { nillable: false }),
  ];
}

export function userFieldSpecs(): FieldSpec[] {
  return [
    f("Id", "id", "User ID", { nillable: false }),
    f("Username", "string", "Username", { nillable: false, length: 80 }),
    f("LastName", "string", "Last Name", { nillable: false, length: 80 }),
    f("FirstName", "string", "First Name", { length: 40 }),
    f("Name", "string", "Full Name", { nillable: false, length: 121 }),
    f("Email", "email", "Email", { nillable: false }),
    f("IsActive", "boolean", "Active", { nillable: false }),
    picklist("UserType", "User Type", ["Standard", "PowerPartner", "CsnOnly"]),
    f("CreatedDate", "datetime", "Created Date", { nillable: false }),
    f("LastModifiedDate", "datetime", "Last Modified Date", { nillable: false }),
    f("SystemModstamp", "datetime", "System Modstamp", { nillable: false }),
  ];
}

export function organizationFieldSpecs(): FieldSpec[] {
  return [
    f("Id", "id", "Organization ID", { nillable: false }),
    f("Name", "string", "Name", { nillable: false, length: 80 }),
    f("IsSandbox", "boolean", "Is Sandbox", { nillable: false }),
    picklist("OrganizationType", "Edition", ["Developer Edition", "Enterprise Edition"]),
    f("InstanceName", "string", "Instance Name", { length: 5 }),
    f("NamespacePrefix", "string", "Namespace Prefix", { length: 15 }),
    f("CreatedDate", "datetime", "Created Date", { nillable: false }),
    f("LastModifiedDate", "datetime", "Last Modified Date", { nillable: false }),
    f("SystemModstamp", "datetime", "System Modstamp", { nillable: false }),
  ];
}
