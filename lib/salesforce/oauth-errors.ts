import "server-only";

import { SalesforceError } from "./errors";

const LOGIN_URL_HINT =
  "Check the login URL: https://login.salesforce.com for production, https://test.salesforce.com for a sandbox, or the org's My Domain URL.";

/** Turns a failed token request (jsforce's OAuth2 error or a network error) into words. */
export function oauthFailure(
  error: unknown,
  context: { loginUrl: string; flow: string },
): SalesforceError {
  const name = error instanceof Error ? error.name : "";
  const description = error instanceof Error ? error.message : String(error);
  const details = { salesforceCode: name, cause: error };
  switch (name) {
    case "invalid_client_id":
      return new SalesforceError(
        "invalid_client",
        "Salesforce does not know this consumer key (client id). Copy the consumer key of the connected app from Salesforce Setup and save the connection again.",
        details,
      );
    case "invalid_client":
      return new SalesforceError(
        "invalid_client",
        "Salesforce rejected the consumer secret (client secret) for this consumer key. Copy the consumer secret of the connected app again.",
        details,
      );
    case "unsupported_grant_type":
      return new SalesforceError(
        "flow_not_enabled",
        `The connected app does not allow the ${context.flow} flow. Enable it in the connected app's OAuth settings.`,
        details,
      );
    case "invalid_grant":
      if (/client credentials/i.test(description)) {
        return new SalesforceError(
          "flow_not_enabled",
          "The connected app has no Run As user for the client credentials flow. In Salesforce Setup, edit the connected app's policies and choose a Run As user.",
          details,
        );
      }
      return new SalesforceError(
        "invalid_credentials",
        "Salesforce rejected the username, password or security token. Check the integration user's password and append the user's current security token (reset it from the user's personal settings if unsure).",
        details,
      );
  }
  if (isNetworkError(error)) {
    return new SalesforceError(
      "unreachable",
      `Cannot reach Salesforce at ${context.loginUrl} (${networkReason(error)}). ${LOGIN_URL_HINT}`,
      details,
    );
  }
  if (name.startsWith("ERROR_HTTP_")) {
    return new SalesforceError(
      "unreachable",
      `${context.loginUrl} answered HTTP ${name.slice("ERROR_HTTP_".length)} instead of a Salesforce token. ${LOGIN_URL_HINT}`,
      details,
    );
  }
  return new SalesforceError(
    "salesforce_error",
    `Salesforce refused to sign in: ${description}`,
    details,
  );
}

export function isNetworkError(error: unknown): boolean {
  const code = errorCode(error);
  return (
    Boolean(code && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) || (error as Error)?.name === "FetchError"
  );
}

export function networkReason(error: unknown): string {
  const code = errorCode(error);
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ETIMEDOUT" || (error as Error)?.name === "TimeoutError") return "timed out";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  return code ?? (error instanceof Error ? error.message : String(error));
}

function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown })?.code;
  if (typeof own === "string") return own;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === "string" ? cause : undefined;
}
