import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, people, positions } from "@/lib/db/schema";
import { importOrganisation } from "@/lib/organisations/import";
import { type OrganisationFile, organisationFileSchema } from "@/lib/organisations/import-format";
import { computePlan } from "@/lib/sync/compute-plan";
import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";
import { currentConfig, saveConfig } from "@/lib/sync/config-store";
import { lazySource } from "@/lib/sync/lazy-source";
import { findOrganisation } from "@/lib/sync/load-inputs";
import { executeRun, startRun } from "@/lib/sync/run";
import { openContactSource } from "@/lib/sync/salesforce-source";
import type { ContactSource } from "@/lib/sync/source";
import { type Sandbox, type SandboxOptions, startSandbox } from "@/sandbox/index";
import { requireSamplesDir } from "@/sandbox/test-support/samples-dir";

/**
 * Run-level test support: a sandbox org seeded from the shared samples, served over HTTP, and
 * an organisation whose customers are that org's accounts, connected to it the way an agent
 * would connect a real org (client credentials, encrypted in the database).
 */

export function startSampleSandbox(folders: string[], options: SandboxOptions = {}) {
  const samplesDir = requireSamplesDir();
  return startSandbox({
    samplesDir,
    seedDirs: folders.map((folder) => join(samplesDir, folder)),
    tokenTtlSeconds: 3600,
    ...options,
  });
}

export type OrganisationSetup = {
  name: string;
  /** Customer groups: a parent customer without an account, over the customers of these accounts. */
  groups?: { name: string; accountIds: string[] }[];
  positions?: string[];
  /** Manual People; `customer` is the Salesforce Account Id of their customer. */
  manualPeople?: OrganisationFile["people"];
};

/** Every live account of the sandbox org becomes a customer of the same name, linked by Id. */
export async function createOrganisationFor(
  db: Database,
  sandbox: Sandbox,
  setup: OrganisationSetup,
): Promise<string> {
  const { organisation } = await importOrganisation(db, organisationFileFor(sandbox, setup));
  return organisation.id;
}

/** The organisation file createOrganisationFor imports, connected to the sandbox org. */
export function organisationFileFor(sandbox: Sandbox, setup: OrganisationSetup): OrganisationFile {
  const parentOf = new Map<string, string>();
  (setup.groups ?? []).forEach((group, i) =>
    group.accountIds.forEach((id) => parentOf.set(id, `group-${i}`)),
  );
  const accounts = sandbox.org.records("Account").filter((account) => !account.IsDeleted);
  return organisationFileSchema.parse({
    format: "contact-sync-organisation",
    formatVersion: 1,
    organisation: { name: setup.name, defaultCountry: "US" },
    positions: setup.positions ?? [],
    customers: [
      ...(setup.groups ?? []).map((group, i) => ({ key: `group-${i}`, name: group.name })),
      ...accounts.map((account) => ({
        key: String(account.Id),
        name: String(account.Name),
        salesforceAccountId: String(account.Id),
        parent: parentOf.get(String(account.Id)) ?? null,
      })),
    ],
    people: setup.manualPeople ?? [],
    salesforce: {
      authFlow: "client_credentials",
      loginUrl: sandbox.loginUrl,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
    },
  });
}

/** Saves the default answers with these changed, as the organisation's next config version. */
export async function saveAnswers(
  db: Database,
  organisationId: string,
  answers: Partial<SyncConfig>,
) {
  const { config } = await saveConfig(db, {
    organisationId,
    config: { ...defaultSyncConfig, ...answers },
    agentId: null,
  });
  return config;
}

/** apex-recipes' contacts whose Title contains "manager", as Billing Contacts: 8 People. */
export const apexManagers = {
  filters: {
    groups: [{ rules: [{ field: "Title", match: "contains" as const, values: ["manager"] }] }],
  },
  positions: { mode: "fixed" as const, names: ["Billing Contact"] },
} satisfies Partial<SyncConfig>;

export const noRequirements: SyncConfig["additional"] = {
  customFieldMappings: [],
  rules: { requireEmail: false, requirePhone: false, onNoLongerMatching: "archive" },
  notes: "",
};

function sourceFor(db: Database, organisationId: string) {
  return lazySource(() => openContactSource(db, organisationId));
}

/** Starts and executes a run of the current config, as `npm run cli -- sync` does. */
export async function syncNow(
  db: Database,
  organisationId: string,
  source: ContactSource = sourceFor(db, organisationId),
) {
  const run = await startRun(db, { organisationId, trigger: "cli", agentId: null });
  return executeRun(db, run.id, source);
}

/** The plan a preview of the current config shows, as `npm run cli -- preview` computes it. */
export async function previewNow(db: Database, organisationId: string) {
  const organisation = await findOrganisation(db, organisationId);
  const stored = await currentConfig(db, organisationId);
  const source = await openContactSource(db, organisationId);
  return (await computePlan({ db, organisation, config: stored!.config, source })).plan;
}

/** A source that records the queries asked of it, to show what was (not) fetched. */
export function recordingSource(source: ContactSource, queries: string[]): ContactSource {
  return {
    describes: () => source.describes(),
    query: (soql) => {
      queries.push(soql);
      return source.query(soql);
    },
  };
}

/** The organisation's People with their customer's name, in a stable order. */
export async function listPeople(db: Database, organisationId: string) {
  const rows = await db
    .select({ person: people, customer: customers.name, account: customers.salesforceAccountId })
    .from(people)
    .innerJoin(customers, eq(customers.id, people.customerId))
    .where(eq(people.organisationId, organisationId))
    .orderBy(asc(customers.name), asc(people.lastName), asc(people.firstName), asc(people.id));
  return rows.map(({ person, customer, account }) => ({ ...person, customer, account }));
}

/** Every column of every person of the organisation, to compare before and after. */
export async function snapshotPeople(db: Database, organisationId: string) {
  return db
    .select()
    .from(people)
    .where(eq(people.organisationId, organisationId))
    .orderBy(asc(people.id));
}

export async function positionNames(db: Database, organisationId: string) {
  const rows = await db
    .select({ name: positions.name })
    .from(positions)
    .where(eq(positions.organisationId, organisationId))
    .orderBy(asc(positions.name));
  return rows.map((row) => row.name);
}

/** A live record of the sandbox org by a field's value, e.g. a contact by its email. */
export function sandboxRecord(sandbox: Sandbox, object: string, field: string, value: unknown) {
  const record = sandbox.org.records(object).find((r) => r[field] === value && !r.IsDeleted);
  if (!record) throw new Error(`The sandbox org has no ${object} whose ${field} is ${value}.`);
  return record;
}

/**
 * Over apexManagers' 8 People, one of each change: Glen Gair's email changes (an update),
 * Jarrid Linney stops being a manager (an archive) and Lianna Sinisbury becomes one (a create).
 * Returns what puts the three contacts back.
 */
export function changeApexManagers(sandbox: Sandbox): () => void {
  const glen = sandboxRecord(sandbox, "Contact", "Email", "ggair1o@ftc.gov");
  const jarrid = sandboxRecord(sandbox, "Contact", "Email", "jlinneyp@globo.com");
  const lianna = sandboxRecord(sandbox, "Contact", "Email", "lsinisbury0@dropbox.com");
  const restore = [
    { id: String(glen.Id), values: { Email: glen.Email } },
    { id: String(jarrid.Id), values: { Title: jarrid.Title } },
    { id: String(lianna.Id), values: { Title: lianna.Title } },
  ];
  sandbox.org.update("Contact", String(glen.Id), { Email: "glen.gair@ftc.gov" });
  sandbox.org.update("Contact", String(jarrid.Id), { Title: "Accountant" });
  sandbox.org.update("Contact", String(lianna.Id), { Title: "Statistics Manager" });
  return () => {
    for (const { id, values } of restore) sandbox.org.update("Contact", id, values);
  };
}

/** The first page of the sync's own query (not a `SELECT COUNT()`), and any later page. */
export const FIRST_PAGE = /\/query\?q=SELECT%20Id%2C/;
export const LATER_PAGE = /\/query\/[^/?]+-\d+$/;

/**
 * Plans a sandbox fault just before the first request whose URL matches, so it hits exactly that
 * request however many requests (limits, describes, counts) the source makes before it.
 * Returns the function that stops watching.
 */
export function beforeRequest(pattern: RegExp, plant: () => void): () => void {
  const original = globalThis.fetch;
  let planted = false;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!planted && pattern.test(url)) {
      planted = true;
      plant();
    }
    return original(input, init);
  };
  return () => {
    globalThis.fetch = original;
  };
}
