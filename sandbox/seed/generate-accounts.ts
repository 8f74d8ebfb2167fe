import type { SandboxOrg } from "../org/org";
import { COMPANY_KINDS, COMPANY_WORDS } from "./names";
import {
  CITIES,
  type Country,
  asciiSlug,
  countrySpelling,
  messyPhone,
  pickCountry,
} from "./phones";
import type { Random } from "./random";

export interface GeneratedAccount {
  id: string;
  country: Country;
  domain: string;
}

const MAX_DEPTH = 4;
const ACCOUNT_TYPES = ["Customer - Direct", "Customer - Channel", "Prospect", "Partner"];

/**
 * Accounts with hierarchies several levels deep: about a third hang under an earlier account,
 * never deeper than MAX_DEPTH below their top parent.
 */
export function generateAccounts(
  org: SandboxOrg,
  random: Random,
  count: number,
  start: number,
): GeneratedAccount[] {
  const accounts: GeneratedAccount[] = [];
  const depths: number[] = [];
  for (let j = 0; j < count; j++) {
    const country = pickCountry(random);
    const word = random.pick(COMPANY_WORDS);
    const name = `${word} ${random.pick(COMPANY_KINDS)}${random.chance(0.6) ? ` ${j + 1}` : ""}`;
    let parent: number | undefined;
    if (j > 0 && random.chance(0.35)) {
      const candidate = j - 1 - random.int(Math.min(j, 20));
      if (depths[candidate]! < MAX_DEPTH) parent = candidate;
    }
    depths.push(parent === undefined ? 0 : depths[parent]! + 1);
    const domain = `${asciiSlug(word) || "company"}${j + 1}.example.com`;
    const at = start + j * 60_000;
    const record = org.insert("Account", {
      Name: name,
      ParentId: parent === undefined ? null : accounts[parent]!.id,
      Type: random.pick(ACCOUNT_TYPES),
      BillingCity: random.pick(CITIES[country]),
      BillingCountry: random.chance(0.1) ? null : countrySpelling(random, country),
      Phone: messyPhone(random, country),
      Website: `https://www.${domain}`,
      CreatedDate: at,
      LastModifiedDate: at,
      SystemModstamp: at,
    });
    accounts.push({ id: String(record.Id), country, domain });
  }
  return accounts;
}
