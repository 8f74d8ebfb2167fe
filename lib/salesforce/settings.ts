import "server-only";

export type AuthFlow = "client_credentials" | "username_password";

/** A Salesforce connection as stored: where to sign in, how, and any tokens already issued. */
export interface SalesforceSettings {
  /** https://login.salesforce.com, https://test.salesforce.com, a My Domain URL or the sandbox. */
  loginUrl: string;
  authFlow: AuthFlow;
  clientId: string;
  clientSecret: string;
  username?: string | null;
  password?: string;
  securityToken?: string;
  apiVersion?: string;
  accessToken?: string;
  instanceUrl?: string | null;
  refreshToken?: string;
}

export interface SalesforceTokens {
  accessToken: string;
  instanceUrl: string;
  /** Only flows that issue one; Salesforce may rotate it on every refresh. */
  refreshToken?: string;
  /** `.../id/<orgId>/<userId>`, from the token response. */
  identityUrl?: string;
}

export interface ConnectionOptions {
  /** Called with every new set of tokens, so the caller persists the newest ones. */
  onTokens?: (tokens: SalesforceTokens) => void | Promise<void>;
  /**
   * Runs a renewal under a lock shared by every process (for example a database advisory
   * lock); without it renewals are single only within this connection.
   */
  refreshLock?: <T>(renew: () => Promise<T>) => Promise<T>;
  /** Reads the newest stored tokens inside the lock: another process may have renewed already. */
  loadTokens?: () => Promise<Partial<SalesforceTokens> | undefined>;
  /** Per HTTP request, body included. */
  requestTimeoutMs?: number;
  /** Retries of a GET after a dropped connection or a 502/503/504. */
  retries?: number;
  describeTtlMs?: number;
  /**
   * Called before every data API call (each counts against the org's daily limit); throwing
   * stops the call from being sent. A sync's API budget counts and stops calls here.
   */
  beforeRequest?: (path: string) => void | Promise<void>;
  log?: (fields: Record<string, unknown>, message: string) => void;
}

export const DEFAULT_API_VERSION = "62.0";
