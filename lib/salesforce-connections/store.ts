import "server-only";
import { eq } from "drizzle-orm";
import { decryptJson, encryptJson } from "@/lib/crypto";
import type { Database, Transaction } from "@/lib/db/client";
import { salesforceConnections, type SalesforceConnection } from "@/lib/db/schema";
import type {
  ConnectionInput,
  ConnectionSecrets,
} from "@/lib/salesforce-connections/connection-input";

export type StoredConnection = Omit<SalesforceConnection, "secretsCiphertext"> & {
  secrets: ConnectionSecrets;
};

function secretsOf(input: ConnectionInput): ConnectionSecrets {
  if (input.authFlow === "client_credentials") return { clientSecret: input.clientSecret };
  return {
    clientSecret: input.clientSecret,
    password: input.password,
    securityToken: input.securityToken,
  };
}

/** Saves (or replaces) an organisation's connection; new credentials drop any old tokens. */
export async function saveConnection(
  db: Database | Transaction,
  organisationId: string,
  input: ConnectionInput,
) {
  const values = {
    organisationId,
    loginUrl: input.loginUrl,
    authFlow: input.authFlow,
    apiVersion: input.apiVersion,
    clientId: input.clientId,
    username: input.authFlow === "username_password" ? input.username : null,
    secretsCiphertext: encryptJson(secretsOf(input)),
    secretsUpdatedAt: new Date(),
    instanceUrl: null,
  };
  await db
    .insert(salesforceConnections)
    .values(values)
    .onConflictDoUpdate({ target: salesforceConnections.organisationId, set: values });
}

export async function loadConnection(
  db: Database,
  organisationId: string,
): Promise<StoredConnection | undefined> {
  const [row] = await db
    .select()
    .from(salesforceConnections)
    .where(eq(salesforceConnections.organisationId, organisationId));
  if (!row) return undefined;
  const { secretsCiphertext, ...rest } = row;
  return { ...rest, secrets: decryptJson<ConnectionSecrets>(secretsCiphertext) };
}

/** Keeps the newest tokens Salesforce handed out, so every process starts from them. */
export async function saveTokens(
  db: Database,
  organisationId: string,
  tokens: { accessToken: string; instanceUrl: string; refreshToken?: string },
) {
  const current = await loadConnection(db, organisationId);
  if (!current) return;
  const secrets: ConnectionSecrets = {
    ...current.secrets,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? current.secrets.refreshToken,
  };
  await db
    .update(salesforceConnections)
    .set({ secretsCiphertext: encryptJson(secrets), instanceUrl: tokens.instanceUrl })
    .where(eq(salesforceConnections.organisationId, organisationId));
}

/** What the browser may see of a connection: everything but the secrets. */
export function publicConnection(connection: StoredConnection) {
  const { secrets: _secrets, ...visible } = connection;
  return { ...visible, secretsSaved: true as const };
}
