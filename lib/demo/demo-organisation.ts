import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { organisations, salesforceConnections } from "@/lib/db/schema";
import { importOrganisation } from "@/lib/organisations/import";
import type { OrganisationFile } from "@/lib/organisations/import-format";

export const DEMO_ORGANISATION = "Demo Organisation";

export type DemoAccount = { id: string; name: string };

type DemoConnection = { loginUrl: string; clientId: string; clientSecret: string };

/**
 * The demo organisation's customers are made from the sandbox org's accounts: most linked by
 * Account Id, every eighth left unlinked (so a preview shows "no matching customer"), and the
 * first three linked ones grouped under a parent customer. Deterministic for a given org.
 */
export function demoOrganisationFile(
  accounts: DemoAccount[],
  connection: DemoConnection,
): OrganisationFile {
  const customers: OrganisationFile["customers"] = [
    { key: "group", name: "Demo Holdings (group)" },
  ];
  accounts.forEach((account, i) => {
    const linked = i % 8 !== 7;
    customers.push({
      key: `customer-${i}`,
      name: linked ? account.name : `${account.name} (not linked)`,
      salesforceAccountId: linked ? account.id : null,
      parent: i < 3 ? "group" : null,
    });
  });

  return {
    format: "contact-sync-organisation",
    formatVersion: 1,
    organisation: { name: DEMO_ORGANISATION, defaultCountry: "US", timeZone: "America/New_York" },
    positions: ["Billing Contact", "Primary Contact", "Decision Maker", "Technical Contact"],
    customers,
    people: [
      {
        customer: "customer-0",
        firstName: "Morgan",
        lastName: "Manual",
        email: "morgan.manual@example.com",
        phones: [{ type: "work", raw: "+1 415 555 0100", e164: "+14155550100" }],
        positions: ["Billing Contact"],
      },
      {
        customer: "group",
        firstName: "Robin",
        lastName: "Offline",
        email: null,
        phones: [],
        positions: ["Primary Contact"],
      },
    ],
    salesforce: {
      authFlow: "client_credentials",
      apiVersion: "62.0",
      ...connection,
    },
  };
}

/**
 * Seeds the demo organisation once. Later starts leave agents' changes alone and only follow the
 * sandbox to its current address when the connection still points at a local sandbox.
 */
export async function ensureDemoOrganisation(
  db: Database,
  accounts: DemoAccount[],
  connection: DemoConnection,
) {
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, DEMO_ORGANISATION));

  if (!existing) {
    const result = await importOrganisation(db, demoOrganisationFile(accounts, connection));
    return { created: true, organisationId: result.organisation.id };
  }

  const [current] = await db
    .select({ loginUrl: salesforceConnections.loginUrl })
    .from(salesforceConnections)
    .where(eq(salesforceConnections.organisationId, existing.id));
  if (current && /^http:\/\/127\.0\.0\.1:\d+$/.test(current.loginUrl)) {
    await db
      .update(salesforceConnections)
      .set({ loginUrl: connection.loginUrl, instanceUrl: null })
      .where(eq(salesforceConnections.organisationId, existing.id));
  }
  return { created: false, organisationId: existing.id };
}
