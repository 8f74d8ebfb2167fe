import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, organisations } from "@/lib/db/schema";
import { saveConnection } from "@/lib/salesforce-connections/store";
import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";
import { saveConfig } from "@/lib/sync/config-store";
import type { SandboxChild } from "./sandbox-client";

const CHUNK = 5_000;

/** Multi-account on, fixed positions, two phone fields: the config the benchmark syncs. */
export const benchConfig: SyncConfig = {
  ...defaultSyncConfig,
  multiAccount: { enabled: true, includeInactiveRelations: false },
  positions: { mode: "fixed", names: ["Billing Contact", "Primary Contact"] },
  phones: [
    { field: "Phone", type: "work" },
    { field: "MobilePhone", type: "mobile" },
  ],
};

/**
 * An organisation whose customers are the generated accounts, written in a few multi-row
 * statements (the import file's one-by-one matching is for hand-made files, not 25,000 rows),
 * with the accounts' hierarchy as customer groups, the sandbox connection and the config.
 */
export async function createBenchOrganisation(db: Database, sandbox: SandboxChild) {
  const [organisation] = await db
    .insert(organisations)
    .values({ name: `Benchmark ${sandbox.liveContacts} contacts`, defaultCountry: "US" })
    .returning();
  const organisationId = organisation!.id;

  for (let i = 0; i < sandbox.accounts.length; i += CHUNK) {
    const chunk = sandbox.accounts.slice(i, i + CHUNK);
    await db.insert(customers).values(
      chunk.map((account) => ({
        organisationId,
        name: account.name,
        salesforceAccountId: account.id,
      })),
    );
  }
  const parents = sandbox.accounts.filter((account) => account.parentId);
  await db.execute(sql`
    update customers c set parent_customer_id = p.id
    from jsonb_to_recordset(${JSON.stringify(parents)}::jsonb) as v(id text, "parentId" text)
    join customers p on p.salesforce_account_id = v."parentId"
      and p.organisation_id = ${organisationId}::uuid
    where c.organisation_id = ${organisationId}::uuid and c.salesforce_account_id = v.id`);

  await saveConnection(db, organisationId, {
    authFlow: "client_credentials",
    loginUrl: sandbox.loginUrl,
    apiVersion: "62.0",
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
  });
  const { config } = await saveConfig(db, { organisationId, config: benchConfig, agentId: null });
  return { organisation: organisation!, config };
}
