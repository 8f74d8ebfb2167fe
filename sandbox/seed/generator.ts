import type { SandboxOrg } from "../org/org";
import type { InputValue, SfRecord } from "../org/values";
import { RELATION_ROLES } from "../schema/relation-fields";
import { type GeneratedAccount, generateAccounts } from "./generate-accounts";
import { CONTACT_ROLES, DEPARTMENTS, FIRST_NAMES, LAST_NAMES, TITLES } from "./names";
import { CITIES, countrySpelling, messyEmail, messyPhone, pickCountry } from "./phones";
import { type Random, createRandom } from "./random";

export interface GeneratorOptions {
  contacts: number;
  /** Same seed, same org: the generator never uses Math.random. */
  seed?: number;
  accounts?: number;
  /** CreatedDate of the first generated record. */
  startAt?: string;
}

export interface GeneratedSummary {
  accounts: number;
  contacts: number;
  indirectRelations: number;
  deleted: number;
  merged: number;
  personAccounts: number;
}

const DAY = 86_400_000;
const RELATION = "AccountContactRelation";

export function generateOrgData(org: SandboxOrg, options: GeneratorOptions): GeneratedSummary {
  const random = createRandom(options.seed ?? 42);
  const start = Date.parse(options.startAt ?? "2024-03-01T08:00:00.000Z");
  declareGeneratorFields(org);
  const accountCount = options.accounts ?? Math.max(1, Math.ceil(options.contacts / 4));
  const accounts = generateAccounts(org, random, accountCount, start);
  const summary: GeneratedSummary = {
    accounts: accountCount,
    contacts: options.contacts,
    indirectRelations: 0,
    deleted: 0,
    merged: 0,
    personAccounts: 0,
  };
  const live: SfRecord[] = [];
  const masters = new Set<string>();
  const later: (() => void)[] = [];
  const contactStart = start + accountCount * 60_000;

  for (let i = 0; i < options.contacts; i++) {
    // Three contacts share each timestamp, so incremental syncs meet SystemModstamp ties.
    const at = contactStart + Math.floor(i / 3) * 37_000;
    const master = live.length > 10 && random.chance(0.012) ? random.pick(live) : undefined;
    const account = random.chance(0.07) ? undefined : random.pick(accounts);
    const person = org.settings.personAccounts && !master && random.chance(0.05);
    const values = contactValues(random, master, person ? undefined : account, at);

    if (person) {
      summary.personAccounts += 1;
      const name = [values.FirstName, values.LastName].filter(Boolean).join(" ");
      const personAccount = org.insert("Account", {
        Name: name,
        IsPersonAccount: true,
        CreatedDate: at,
      });
      values.AccountId = String(personAccount.Id);
      values.IsPersonAccount = true;
    }
    const contact = org.insert("Contact", values);
    const id = String(contact.Id);
    if (person) org.update("Account", String(values.AccountId), { PersonContactId: id }, { at });
    if (account && !person && org.settings.multiAccount) {
      summary.indirectRelations += addRelations(org, random, id, account, accounts, at);
    }

    const changedAt = Number(contact.SystemModstamp) + DAY;
    if (master) {
      masters.add(String(master.Id));
      later.push(() => org.merge("Contact", String(master.Id), [id], { at: changedAt }));
      summary.merged += 1;
    } else if (random.chance(0.03)) {
      later.push(() => !masters.has(id) && org.delete("Contact", id, { at: changedAt }));
      summary.deleted += 1;
    } else {
      live.push(contact);
    }
  }
  for (const change of later) change();
  return summary;
}

function contactValues(
  random: Random,
  master: SfRecord | undefined,
  account: GeneratedAccount | undefined,
  at: number,
): Record<string, InputValue> {
  const country = account && !random.chance(0.1) ? account.country : pickCountry(random);
  const first = master
    ? (master.FirstName as string | null)
    : random.chance(0.08)
      ? null
      : random.pick(FIRST_NAMES);
  const last = master ? String(master.LastName) : random.pick(LAST_NAMES);
  const domain = account?.domain ?? "mail.example.org";
  const modified = random.chance(0.3) ? at + random.int(200) * DAY : at;
  const phone = (p: number) => (random.chance(p) ? messyPhone(random, country) : null);
  return {
    FirstName: first,
    LastName: last,
    Email: random.chance(0.1) ? null : messyEmail(random, first, last, domain),
    Phone: phone(0.8),
    MobilePhone: phone(0.5),
    HomePhone: phone(0.1),
    OtherPhone: phone(0.05),
    AssistantPhone: phone(0.03),
    Title: random.pick(TITLES),
    Department: random.chance(0.6) ? random.pick(DEPARTMENTS) : null,
    MailingCity: random.pick(CITIES[country]),
    MailingCountry: random.chance(0.12) ? null : countrySpelling(random, country),
    AccountId: account?.id ?? null,
    Contact_Roles__c: random.chance(0.4) ? subset(random, CONTACT_ROLES, 2) : null,
    Region__c: random.pick(["EMEA", "AMER", "APAC"]),
    CreatedDate: at,
    LastModifiedDate: modified,
    SystemModstamp: random.chance(0.1) ? modified + random.int(5) * 3_600_000 : modified,
  };
}

// A fifth of the contacts are on several accounts; half of the direct relations carry Roles.
function addRelations(
  org: SandboxOrg,
  random: Random,
  contactId: string,
  account: GeneratedAccount,
  accounts: GeneratedAccount[],
  at: number,
): number {
  if (random.chance(0.5)) {
    const direct = org.childrenBy(RELATION, "ContactId").get(contactId)?.[0];
    if (direct)
      org.update(RELATION, String(direct.Id), { Roles: subset(random, RELATION_ROLES, 2) }, { at });
  }
  if (accounts.length < 2 || !random.chance(0.2)) return 0;
  const related = new Set([account.id]);
  const wanted = 1 + random.int(Math.min(3, accounts.length - 1));
  for (let k = 0; k < wanted; k++) {
    const other = random.pick(accounts);
    if (related.has(other.id)) continue;
    related.add(other.id);
    const active = random.chance(0.85);
    org.insert(RELATION, {
      AccountId: other.id,
      ContactId: contactId,
      IsDirect: false,
      IsActive: active,
      Roles: random.chance(0.8) ? subset(random, RELATION_ROLES, 2) : null,
      StartDate: random.chance(0.5) ? new Date(at - random.int(900) * DAY) : null,
      EndDate: active ? null : new Date(at - random.int(30) * DAY),
      CreatedDate: at,
    });
  }
  return related.size - 1;
}

function subset(random: Random, values: readonly string[], max: number): string {
  const picked = new Set<string>();
  const count = 1 + random.int(max);
  for (let i = 0; i < count; i++) picked.add(random.pick(values));
  return [...picked].join(";");
}

/** The generator's custom fields: a multi-select picklist and one field hidden by security. */
export function declareGeneratorFields(org: SandboxOrg): void {
  const contact = org.schema.internal("Contact");
  if (!contact.field("Contact_Roles__c")) {
    org.schema.declareField({
      object: "Contact",
      name: "Contact_Roles__c",
      type: "multipicklist",
      label: "Contact Roles",
      picklistValues: CONTACT_ROLES,
    });
  }
  if (!contact.field("Region__c")) {
    org.schema.declareField({
      object: "Contact",
      name: "Region__c",
      type: "string",
      label: "Region",
      hidden: true,
    });
  }
}
