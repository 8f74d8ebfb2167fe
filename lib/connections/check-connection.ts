import "server-only";
import type { Database } from "@/lib/db/client";
import { type ConnectionReport, testConnection } from "@/lib/salesforce";
import type { ConnectionInput } from "@/lib/salesforce-connections/connection-input";
import { loadConnection } from "@/lib/salesforce-connections/store";

export type ConnectionCheck = { ok: boolean; message: string };

type Credentials = Pick<ConnectionInput, "loginUrl" | "authFlow" | "apiVersion" | "clientId"> & {
  clientSecret: string;
  username?: string | null;
  password?: string;
  securityToken?: string;
};

const onOff = (on: boolean) => (on ? "on" : "off");

function describeReport(report: ConnectionReport): string {
  const { used, max } = report.apiUsage;
  return [
    `Signed in to ${report.instanceUrl} as ${report.user.username} (org ${report.orgId}).`,
    `API calls today: ${used.toLocaleString("en-US")} of ${max.toLocaleString("en-US")}.`,
    `Contacts to Multiple Accounts is ${onOff(report.multiAccount)} in this org; person accounts are ${onOff(report.personAccounts)}.`,
  ].join(" ");
}

/**
 * Signs in with credentials that are not stored yet (nothing is written, tokens included), for
 * "Test and save": a connection is saved only once Salesforce has accepted it.
 */
export async function checkConnection(input: Credentials): Promise<ConnectionCheck> {
  const result = await testConnection({
    loginUrl: input.loginUrl,
    authFlow: input.authFlow,
    apiVersion: input.apiVersion,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    username: input.username,
    password: input.password,
    securityToken: input.securityToken,
  });
  return result.ok
    ? { ok: true, message: describeReport(result.report) }
    : { ok: false, message: result.error.message };
}

/** "Test connection" on the saved credentials, signing in afresh. */
export async function checkStoredConnection(
  db: Database,
  organisationId: string,
): Promise<ConnectionCheck> {
  const stored = await loadConnection(db, organisationId);
  if (!stored) return { ok: false, message: "There is no Salesforce connection to test yet." };
  return checkConnection({ ...stored, ...stored.secrets });
}
