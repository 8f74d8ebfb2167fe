import { createClock } from "../clock";
import type { CustomFieldSpec } from "../schema/field-def";
import { buildOrgSchema } from "../schema/org-schema";
import { SandboxOrg, type SandboxUser } from "./org";

export interface OrgOptions {
  /** Folder of the Salesforce samples; its `describes/` replace the built-in field lists. */
  samplesDir?: string;
  /** Contacts to Multiple Accounts (AccountContactRelation); on unless turned off. */
  multiAccount?: boolean;
  personAccounts?: boolean;
  customFields?: CustomFieldSpec[];
  users?: SandboxUser[];
  clockStart?: Date | string | number;
  orgName?: string;
}

export const DEFAULT_USER: SandboxUser = {
  username: "integration@sandbox.example",
  password: "sandbox-password",
  securityToken: "SANDBOXTOKEN42",
  firstName: "Integration",
  lastName: "User",
};

export function createOrg(options: OrgOptions = {}): SandboxOrg {
  const schema = buildOrgSchema({
    samplesDir: options.samplesDir,
    settings: {
      multiAccount: options.multiAccount ?? true,
      personAccounts: options.personAccounts ?? false,
    },
    customFields: options.customFields,
  });
  const clock = createClock(options.clockStart);
  const org = new SandboxOrg(schema, { clock, name: options.orgName });
  org.put("Organization", {
    Id: org.orgId,
    Name: org.name,
    IsSandbox: true,
    OrganizationType: "Developer Edition",
    InstanceName: "LOCAL",
    NamespacePrefix: null,
    CreatedDate: clock.now(),
    LastModifiedDate: clock.now(),
    SystemModstamp: clock.now(),
  });
  for (const user of options.users ?? [DEFAULT_USER]) {
    const record = org.insert("User", {
      Username: user.username,
      FirstName: user.firstName ?? null,
      LastName: user.lastName ?? user.username.split("@")[0]!,
      Email: user.email ?? user.username,
      IsActive: true,
      UserType: "Standard",
    });
    org.logins.push({ ...user, id: String(record.Id) });
  }
  return org;
}
