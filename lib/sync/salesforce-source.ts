import "server-only";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import {
  type ConnectionOptions,
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
import {
  createApiBudget,
  DEFAULT_API_BUDGET_SHARE,
  LIMITS_PATH,
  type OrgLimits,
} from "@/lib/sync/budget/api-budget";
import {
  DEFAULT_BULK_THRESHOLD,
  queryBySize,
  type SizeOptions,
} from "@/lib/sync/bulk/query-by-size";
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
export function connectionFor(
  db: Database,
  stored: StoredConnection,
  options: ConnectionOptions = {},
): SalesforceConnection {
  const log = logger().child({ organisationId: stored.organisationId });
  return createSalesforceConnection(settingsOf(stored), {
    onTokens: (tokens) => saveTokens(db, stored.organisationId, tokens),
    log: (fields, message) => log.info(fields, message),
    ...options,
  });
}

export type SourceOptions = {
  /** Records above which a query goes through Bulk API 2.0; Infinity for REST only. */
  bulkThreshold?: number;
  bulkPollIntervalMs?: number;
  /** Share of the org's API requests left today this source may use; null for no limit. */
  apiBudgetShare?: number | null;
  /** Told which transport each full query took (logged too). */
  onTransport?: SizeOptions["onTransport"];
};

/**
 * The organisation's org as a source: Bulk API 2.0 for large queries, queryAll for deleted and
 * merged records, and an API budget read from /limits on the first call.
 */
export async function openContactSource(
  db: Database,
  organisationId: string,
  options: SourceOptions = {},
): Promise<ContactSource> {
  const stored = await loadConnection(db, organisationId);
  if (!stored) {
    throw new SyncError(
      "This organisation has no Salesforce connection yet: connect Salesforce first.",
    );
  }
  const share =
    options.apiBudgetShare === undefined ? DEFAULT_API_BUDGET_SHARE : options.apiBudgetShare;
  const budget =
    share === null
      ? null
      : createApiBudget(() => connection.requestJson<OrgLimits>(LIMITS_PATH), share);
  const connection = connectionFor(db, stored, { beforeRequest: budget?.beforeRequest });
  const log = logger().child({ organisationId });
  const sizes = {
    bulkThreshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD,
    bulkPollIntervalMs: options.bulkPollIntervalMs,
    onTransport: (transport: "rest" | "bulk", soql: string, count: number | null) => {
      log.info({ transport, count }, "query transport chosen");
      options.onTransport?.(transport, soql, count);
    },
  };

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
    query: (soql, hints) =>
      hints?.small
        ? queryPages(connection, soql, { batchSize: hints.batchSize })
        : queryBySize(connection, soql, sizes),
    queryAll: (soql, hints) =>
      queryPages(connection, soql, { scanAll: true, batchSize: hints?.batchSize }),
  };
}
