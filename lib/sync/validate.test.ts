import { describe, expect, test } from "vitest";
import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";
import type { FilterRule } from "@/lib/sync/config-rules";
import type { OrgDescribes } from "@/lib/sync/describe";
import { loadDescribes } from "@/lib/sync/test-samples";
import { validateConfig } from "@/lib/sync/validate";

const describes = loadDescribes();
const withRelations = loadDescribes({ relations: true });

function withRules(...rules: FilterRule[]): SyncConfig {
  return { ...defaultSyncConfig, filters: { groups: [{ rules }] } };
}

function issuesOf(config: SyncConfig, org: OrgDescribes = describes) {
  return validateConfig(config, org).issues.map(({ path, message, severity }) => ({
    path,
    message,
    severity,
  }));
}

function hide(org: OrgDescribes, field: string, how: "absent" | "deprecated"): OrgDescribes {
  const fields =
    how === "absent"
      ? org.Contact.fields.filter((f) => f.name !== field)
      : org.Contact.fields.map((f) => (f.name === field ? { ...f, deprecatedAndHidden: true } : f));
  return { ...org, Contact: { ...org.Contact, fields } };
}

describe("validateConfig against the sample org's describe", () => {
  test("passes the default config and records the types of the fields it uses", () => {
    const result = validateConfig(defaultSyncConfig, describes);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.fieldTypes).toEqual({ Phone: "phone", MobilePhone: "phone" });
  });

  test("reports an unknown field by name", () => {
    const config = withRules({ field: "Region__c", match: "equals", values: ["EMEA"] });
    expect(issuesOf(config)).toEqual([
      {
        path: "filters.groups.0.rules.0.field",
        message:
          "The field Region__c does not exist on Contact or is hidden from the integration user.",
        severity: "error",
      },
    ]);
  });

  test("reports a field hidden by field-level security, and one deprecated and hidden", () => {
    const config = withRules({ field: "Department", match: "equals", values: ["Finance"] });
    expect(issuesOf(config, hide(describes, "Department", "absent"))[0]?.message).toBe(
      "The field Department does not exist on Contact or is hidden from the integration user.",
    );
    expect(issuesOf(config, hide(describes, "Department", "deprecated"))[0]?.message).toBe(
      "The field Department is deprecated and hidden in Salesforce.",
    );
  });

  test("reports a field Salesforce cannot filter on", () => {
    const config = withRules({ field: "Description", match: "contains", values: ["VIP"] });
    expect(issuesOf(config)).toEqual([
      {
        path: "filters.groups.0.rules.0.field",
        message: "Salesforce cannot filter on Description (Contact Description).",
        severity: "error",
      },
    ]);
  });

  test("allows INCLUDES only on multi-select picklists", () => {
    const config = withRules({ field: "Title", match: "includesAny", values: ["CFO"] });
    expect(issuesOf(config)).toEqual([
      {
        path: "filters.groups.0.rules.0.match",
        message: "'includes any of' works only on multi-select picklists; Title is a text field.",
        severity: "error",
      },
    ]);

    const roles: SyncConfig = {
      ...withRules({ field: "AccountContactRelation.Roles", match: "contains", values: ["Buyer"] }),
      multiAccount: { enabled: true, includeInactiveRelations: false },
    };
    expect(issuesOf(roles, withRelations)[0]?.message).toBe(
      "'contains' does not work on multi-select picklists; use 'includes any of' or 'excludes all of'.",
    );
  });

  test("checks each value against its field's type and picklist", () => {
    const config = withRules(
      { field: "Account.NumberOfEmployees", match: "greaterThan", values: ["lots"] },
      { field: "Birthdate", match: "lessThan", values: ["31/12/1990"] },
      { field: "LeadSource", match: "inList", values: ["Web", "Trade Show"] },
      { field: "Title", match: "greaterThan", values: ["M"] },
    );
    expect(issuesOf(config)).toEqual([
      {
        path: "filters.groups.0.rules.0.values",
        message: '"lots" is not a number; write it like 1200 or 12.5.',
        severity: "error",
      },
      {
        path: "filters.groups.0.rules.1.values",
        message: '"31/12/1990" is not a date; write it as YYYY-MM-DD, for example 2024-12-31.',
        severity: "error",
      },
      {
        path: "filters.groups.0.rules.2.values",
        message: '"Trade Show" is not a value of the picklist Lead Source.',
        severity: "warning",
      },
      {
        path: "filters.groups.0.rules.3.match",
        message: "'greater than' works only on number and date fields; Title is a text field.",
        severity: "error",
      },
    ]);
  });

  test("refuses a phone field that does not hold phone numbers", () => {
    const config: SyncConfig = {
      ...defaultSyncConfig,
      phones: [
        { field: "Email", type: "work" },
        { field: "Account.Phone", type: "work" },
      ],
    };
    expect(issuesOf(config)).toEqual([
      {
        path: "phones.0.field",
        message: "Email is an email field; phone numbers must come from a phone or text field.",
        severity: "error",
      },
      {
        path: "phones.1.field",
        message: "Phone numbers come from Contact fields; Account.Phone is not on Contact.",
        severity: "error",
      },
    ]);
  });

  test("says the org has no Contacts to Multiple Accounts when multi-account is on", () => {
    const config: SyncConfig = {
      ...defaultSyncConfig,
      multiAccount: { enabled: true, includeInactiveRelations: false },
    };
    expect(issuesOf(config)).toEqual([
      {
        path: "multiAccount.enabled",
        message:
          "This org does not have Contacts to Multiple Accounts turned on (it has no AccountContactRelation object); turn it on in Salesforce or answer no to this question.",
        severity: "error",
      },
    ]);
    expect(issuesOf(config, withRelations)).toEqual([]);
  });

  test("checks the position field and custom field mappings", () => {
    const config: SyncConfig = {
      ...defaultSyncConfig,
      positions: {
        mode: "field",
        field: "birthdate",
        valueMap: [{ salesforceValue: "x", positionName: "Billing Contact" }],
        unmapped: "ignore",
      },
      additional: {
        ...defaultSyncConfig.additional,
        customFieldMappings: [
          { salesforceField: "MailingAddress", personField: "address" },
          { salesforceField: "Fax__c", personField: "fax" },
        ],
      },
    };
    expect(issuesOf(config).map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      "positions.field: Positions can come from a picklist, multi-select picklist or text field; Birthdate is a date field.",
      "additional.customFieldMappings.0.salesforceField: MailingAddress (Mailing Address) is a compound address field and cannot be copied into a custom field; map one of its parts instead.",
      "additional.customFieldMappings.1.salesforceField: The field Fax__c does not exist on Contact or is hidden from the integration user.",
    ]);
  });

  test("spells every field the way the describe does", () => {
    const config: SyncConfig = {
      ...withRules(
        { field: "title", match: "contains", values: ["manager"] },
        { field: "account.TYPE", match: "equals", values: ["Customer"] },
        { field: "Contact.LeadSource", match: "isNotEmpty", values: [] },
      ),
      phones: [{ field: "mobilephone", type: "mobile" }],
    };
    const result = validateConfig(config, describes);

    expect(result.ok).toBe(true);
    expect(result.config.filters.groups[0]?.rules.map((rule) => rule.field)).toEqual([
      "Title",
      "Account.Type",
      "LeadSource",
    ]);
    expect(result.config.phones).toEqual([{ field: "MobilePhone", type: "mobile" }]);
    expect(result.fieldTypes).toEqual({
      Title: "string",
      "Account.Type": "picklist",
      LeadSource: "picklist",
      MobilePhone: "phone",
    });
    expect(config.phones[0]?.field).toBe("mobilephone");
  });
});
