import "server-only";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import {
  createSalesforceConnection,
  queryPages,
  type SalesforceConnection,
  type SalesforceSettings,
} from "@/lib/salesforce";
import {
  loadConnection,
  saveTokens,
  type StoredConnection,
} from "@/lib/salesforce-connections/store";
import type { OrgDescribes, SObjectDescribe } from "@/lib/sync/describe";
import { SyncError } from "@/lib/sync/errors";
import type { ContactSource } from "@/lib/sync/source";

export function settingsOf(stored: StoredConnection): SalesforceSettings {
  return {
    loginUrl: stored.loginUrl,
    authFlow: stored.authFlow,
    apiVersion: stored.apiVersion,
    clientId: stored.clientId,
    clientSecret: stored.secrets.clientSecret,
    username: stored.username,
    password: stored.secrets.password,
    securityToken: stored.secrets.securityToken,
    accessToken: stored.secrets.accessToken,
    instanceUrl: stored.instanceUrl,
    refreshToken: stored.secrets.refreshToken,
  };
}

/**
 * A connection to an organisation's org that keeps the newest tokens in the database, so the
 * next process (or run) starts from them instead of signing in again.
 * Known limit: renewals are single within one connection, not across processes; two processes
 * renewing at once each sign in, which Salesforce allows for both flows the console uses.
 */
export function connectionFor(db: Database, stored: StoredConnection): SalesforceConnection {
  const log = logger().child({ organisationId: stored.organisationId });
  return createSalesforceConnection(settingsOf(stored), {
    onTokens: (tokens) => saveTokens(db, stored.organisationId, tokens),
    log: (fields, message) => log.info(fields, message),
  });
}

export async function openContactSource(
  db: Database,
  organisationId: string,
): Promise<ContactSource> {
  const stored = await loadConnection(db, organisationId);
  if (!stored) {
    throw new SyncError(
      "This organisation has no Salesforce connection yet: connect Salesforce first.",
    );
  }
  const connection = connectionFor(db, stored);

  return {
    describes: async (): Promise<OrgDescribes> => {
      const [contact, account, relation] = await Promise.all([
        connection.describes.requireObject("Contact"),
        connection.describes.requireObject("Account"),
        connection.describes.object("AccountContactRelation"),
      ]);
      return {
        Contact: contact as SObjectDescribe,
        Account: account as SObjectDescribe,
        AccountContactRelation: relation as SObjectDescribe | null,
      };
    },
    query: (soql) => queryPages(connection, soql),
  };
}
