import type { FieldSpec } from "./field-def";
import { addressFields, auditFields, f, picklist, ref } from "./spec-helpers";

// The Contact fields a sync touches, used when no recorded describe is available. With the
// samples the real describe (59 fields) replaces this list.
export function contactFieldSpecs(): FieldSpec[] {
  return [
    f("Id", "id", "Contact ID", { nillable: false }),
    f("IsDeleted", "boolean", "Deleted", { nillable: false }),
    ref("MasterRecordId", "Master Record ID", "Contact", "MasterRecord"),
    ref("AccountId", "Account ID", "Account", "Account"),
    f("LastName", "string", "Last Name", { nillable: false, length: 80 }),
    f("FirstName", "string", "First Name", { length: 40 }),
    picklist("Salutation", "Salutation", ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."]),
    f("Name", "string", "Full Name", { nillable: false, length: 121 }),
    ...addressFields("Other", "Other"),
    ...addressFields("Mailing", "Mailing"),
    f("Phone", "phone", "Business Phone"),
    f("Fax", "phone", "Business Fax"),
    f("MobilePhone", "phone", "Mobile Phone"),
    f("HomePhone", "phone", "Home Phone"),
    f("OtherPhone", "phone", "Other Phone"),
    f("AssistantPhone", "phone", "Asst. Phone"),
    ref("ReportsToId", "Reports To ID", "Contact", "ReportsTo"),
    f("Email", "email", "Email"),
    f("Title", "string", "Title", { length: 128 }),
    f("Department", "string", "Department", { length: 80 }),
    f("AssistantName", "string", "Assistant's Name", { length: 40 }),
    picklist("LeadSource", "Lead Source", ["Web", "Phone Inquiry", "Partner Referral", "Other"]),
    f("Birthdate", "date", "Birthdate"),
    f("Description", "textarea", "Contact Description", { length: 32000 }),
    ref("OwnerId", "Owner ID", "User", "Owner"),
    ...auditFields(),
    f("LastActivityDate", "date", "Last Activity"),
    f("IsEmailBounced", "boolean", "Is Email Bounced", { nillable: false }),
  ];
}
