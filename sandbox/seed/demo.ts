import { existsSync } from "node:fs";
import { join } from "node:path";

import type { SandboxOrg } from "../org/org";
import { RELATION_ROLES } from "../schema/relation-fields";
import { loadDataTrees } from "./data-tree";
import { generateOrgData } from "./generator";

export const DEMO_SEED_FOLDERS = ["apex-recipes", "coral-cloud", "plugin-data-junction"];

export interface DemoSeedResult {
  /** Which data the org holds: the real samples, or the generator when they are absent. */
  source: "samples" | "generator";
  contacts: number;
  accounts: number;
  relations: number;
}

const RELATION = "AccountContactRelation";
const CORAL_PICKLISTS = ["Guest_Type__c", "Interest1__c", "Interest2__c", "Interest3__c"];

/** True when the folder holds the samples the demo seeds from, describes included. */
export function samplesAvailable(samplesDir: string | undefined): samplesDir is string {
  if (!samplesDir) return false;
  const needed = [
    "describes/Contact.describe.json",
    "describes/Account.describe.json",
    ...DEMO_SEED_FOLDERS,
  ];
  return needed.every((path) => existsSync(join(samplesDir, path)));
}

/**
 * The demo org: apex-recipes, coral-cloud and plugin-data-junction, with Roles on the
 * apex-recipes relations and a few indirect relations, all deterministic. Without the samples
 * it falls back to 500 generated contacts.
 */
export function seedDemoOrg(org: SandboxOrg, samplesDir: string | undefined): DemoSeedResult {
  if (!samplesAvailable(samplesDir)) {
    generateOrgData(org, { contacts: 500 });
    return summarise(org, "generator");
  }
  const folders = DEMO_SEED_FOLDERS.map((folder) => join(samplesDir, folder));
  const seeded = loadDataTrees(org, folders);
  declareCoralCloudFields(org);
  if (org.settings.multiAccount) addApexRecipesRelations(org, seeded.ids.get(folders[0]!)!);
  return summarise(org, "samples");
}

// Two thirds of the apex-recipes direct relations get a role; every tenth contact is also
// related to a second account, and every twentieth of those relations is inactive.
function addApexRecipesRelations(org: SandboxOrg, refs: Map<string, string>): void {
  for (let n = 1; refs.has(`ContactRef${n}`); n++) {
    const contactId = refs.get(`ContactRef${n}`)!;
    const relations = org.childrenBy(RELATION, "ContactId").get(contactId) ?? [];
    const direct = relations.find((r) => r.IsDirect);
    if (direct && n % 3 !== 0) {
      const roles = [RELATION_ROLES[n % RELATION_ROLES.length]!];
      if (n % 4 === 0) roles.push(RELATION_ROLES[(n + 3) % RELATION_ROLES.length]!);
      org.update(RELATION, String(direct.Id), { Roles: roles });
    }
    const otherAccount = refs.get(`AccountRef${((n * 7) % 50) + 1}`);
    if (n % 10 !== 0 || !otherAccount || relations.some((r) => r.AccountId === otherAccount))
      continue;
    org.insert(RELATION, {
      AccountId: otherAccount,
      ContactId: contactId,
      IsDirect: false,
      IsActive: n % 20 !== 0,
      Roles: n % 20 === 0 ? "Other" : "Economic Buyer;Influencer",
    });
  }
}

// The coral-cloud custom fields are picklists in the upstream org; a data tree carries only
// their values, so they are declared from the values loaded.
function declareCoralCloudFields(org: SandboxOrg): void {
  const contacts = org.records("Contact");
  for (const name of CORAL_PICKLISTS) {
    if (!org.schema.internal("Contact").field(name)) continue;
    const values = [
      ...new Set(contacts.map((c) => c[name]).filter((v): v is string => typeof v === "string")),
    ];
    org.schema.declareField({
      object: "Contact",
      name,
      type: "picklist",
      picklistValues: values.sort(),
    });
  }
  if (org.schema.internal("Contact").field("External_Id__c")) {
    org.schema.declareField({
      object: "Contact",
      name: "External_Id__c",
      type: "string",
      externalId: true,
    });
  }
}

function summarise(org: SandboxOrg, source: DemoSeedResult["source"]): DemoSeedResult {
  const live = (object: string) => org.records(object).filter((r) => !r.IsDeleted).length;
  return {
    source,
    contacts: live("Contact"),
    accounts: live("Account"),
    relations: live(RELATION),
  };
}
