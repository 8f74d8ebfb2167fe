import "server-only";

import { DEFAULT_USER, type Sandbox, type SandboxOptions, startSandbox } from "@/sandbox/index";

import type { SalesforceSettings, SalesforceTokens } from "./settings";

// Shared by this folder's tests: a sandbox org and the settings that reach it.

export async function sandboxWith(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ tokenTtlSeconds: 3600, ...options });
}

export function clientCredentials(
  sandbox: Sandbox,
  extra: Partial<SalesforceSettings> = {},
): SalesforceSettings {
  return {
    loginUrl: sandbox.loginUrl,
    authFlow: "client_credentials",
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    apiVersion: "62.0",
    ...extra,
  };
}

export function usernamePassword(
  sandbox: Sandbox,
  extra: Partial<SalesforceSettings> = {},
): SalesforceSettings {
  return {
    loginUrl: sandbox.loginUrl,
    authFlow: "username_password",
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    username: DEFAULT_USER.username,
    password: DEFAULT_USER.password,
    securityToken: DEFAULT_USER.securityToken,
    apiVersion: "62.0",
    ...extra,
  };
}

/** Records every onTokens call, as a caller persisting tokens would. */
export function tokenLog() {
  const issued: SalesforceTokens[] = [];
  return { issued, onTokens: (tokens: SalesforceTokens) => void issued.push(tokens) };
}
