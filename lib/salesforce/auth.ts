import "server-only";

import jsforce from "jsforce";

import { SalesforceError } from "./errors";
import { oauthFailure } from "./oauth-errors";
import type { SalesforceSettings, SalesforceTokens } from "./settings";

interface TokenBody {
  access_token: string;
  instance_url: string;
  refresh_token?: string;
  id?: string;
}

function oauth2Of(settings: SalesforceSettings) {
  return new jsforce.OAuth2({
    loginUrl: settings.loginUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
  });
}

/** Signs in with the connection's own flow: client credentials, or username and password. */
export async function requestTokens(settings: SalesforceSettings): Promise<SalesforceTokens> {
  const oauth2 = oauth2Of(settings);
  const flow =
    settings.authFlow === "client_credentials" ? "client credentials" : "username-password";
  try {
    if (settings.authFlow === "client_credentials") {
      return tokensOf(await oauth2.requestToken({ grant_type: "client_credentials" }));
    }
    if (!settings.username || !settings.password) {
      throw new SalesforceError(
        "invalid_credentials",
        "The username-password flow needs the integration user's username and password.",
      );
    }
    const password = `${settings.password}${settings.securityToken ?? ""}`;
    return tokensOf(await oauth2.authenticate(settings.username, password));
  } catch (error) {
    if (error instanceof SalesforceError) throw error;
    throw oauthFailure(error, { loginUrl: settings.loginUrl, flow });
  }
}

/** The refresh_token grant; keeps the old refresh token unless Salesforce rotated it. */
export async function refreshTokens(
  settings: SalesforceSettings,
  refreshToken: string,
): Promise<SalesforceTokens> {
  try {
    const tokens = tokensOf(await oauth2Of(settings).refreshToken(refreshToken));
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  } catch (error) {
    throw oauthFailure(error, { loginUrl: settings.loginUrl, flow: "refresh token" });
  }
}

function tokensOf(response: unknown): SalesforceTokens {
  const body = response as TokenBody;
  return {
    accessToken: body.access_token,
    instanceUrl: body.instance_url,
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    ...(body.id ? { identityUrl: body.id } : {}),
  };
}
