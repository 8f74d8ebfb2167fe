import "server-only";

import { createSalesforceConnection } from "./connection";
import { findField } from "./describe";
import { SalesforceError, type SalesforceErrorCode } from "./errors";
import type { ConnectionOptions, SalesforceSettings } from "./settings";

export interface ConnectionReport {
  orgId: string;
  instanceUrl: string;
  apiVersion: string;
  user: { id: string; username: string; displayName: string; email: string | null };
  apiUsage: { used: number; max: number; remaining: number };
  /** Contacts to Multiple Accounts: AccountContactRelation exists. */
  multiAccount: boolean;
  personAccounts: boolean;
}

export type ConnectionTestResult =
  | { ok: true; report: ConnectionReport }
  | { ok: false; error: { code: SalesforceErrorCode; message: string } };

interface Limits {
  DailyApiRequests: { Max: number; Remaining: number };
}

interface Identity {
  user_id: string;
  organization_id: string;
  username: string;
  display_name: string;
  email?: string | null;
}

/**
 * Signs in and reads what a support agent needs to trust a connection: the org, the
 * integration user, API usage, and whether the org has AccountContactRelation and person
 * accounts. Failures come back as values with a message saying what to fix.
 */
export async function testConnection(
  settings: SalesforceSettings,
  options: ConnectionOptions = {},
): Promise<ConnectionTestResult> {
  try {
    const connection = createSalesforceConnection(settings, options);
    const limits = await connection.requestJson<Limits>("/limits");
    const tokens = await connection.session();
    const identity = await readIdentity(connection, tokens.accessToken, tokens.identityUrl);
    const global = await connection.describes.global();
    const account = await connection.describes.requireObject("Account");
    const { Max: max, Remaining: remaining } = limits.DailyApiRequests;
    return {
      ok: true,
      report: {
        orgId: identity.organization_id,
        instanceUrl: tokens.instanceUrl,
        apiVersion: connection.apiVersion,
        user: {
          id: identity.user_id,
          username: identity.username,
          displayName: identity.display_name,
          email: identity.email ?? null,
        },
        apiUsage: { used: max - remaining, max, remaining },
        multiAccount: global.sobjects.some((s) => s.name === "AccountContactRelation"),
        personAccounts: Boolean(findField(account, "IsPersonAccount")),
      },
    };
  } catch (error) {
    if (error instanceof SalesforceError)
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

// The identity service is not part of the REST API: it answers 403 to a bad token instead of
// 401, so it is asked only right after a REST call has proven the session.
async function readIdentity(
  connection: ReturnType<typeof createSalesforceConnection>,
  accessToken: string,
  identityUrl: string | undefined,
): Promise<Identity> {
  const url = identityUrl ?? (await connection.requestJson<{ identity: string }>("")).identity;
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) {
    throw new SalesforceError(
      "session_rejected",
      `Salesforce's identity service refused the session (HTTP ${response.status}). Check that the integration user is active and allowed to use the connected app.`,
      { status: response.status },
    );
  }
  return (await response.json()) as Identity;
}
