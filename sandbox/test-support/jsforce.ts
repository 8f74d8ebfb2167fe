import jsforce from "jsforce";

import { DEFAULT_USER } from "../org/create-org";
import type { Sandbox } from "../index";

export const API_VERSION = "62.0";

export function connectionFor(
  sandbox: Sandbox,
  oauth: { clientId?: string; clientSecret?: string } = {},
) {
  return new jsforce.Connection({
    loginUrl: sandbox.loginUrl,
    version: API_VERSION,
    oauth2: {
      loginUrl: sandbox.loginUrl,
      clientId: oauth.clientId ?? sandbox.clientId,
      clientSecret: oauth.clientSecret ?? sandbox.clientSecret,
    },
  });
}

/** A connection logged in with the username-password flow as the default user. */
export async function passwordConnection(sandbox: Sandbox) {
  const conn = connectionFor(sandbox);
  await conn.login(DEFAULT_USER.username, DEFAULT_USER.password + DEFAULT_USER.securityToken);
  return conn;
}

/** A connection authorised with the client credentials flow. */
export async function clientCredentialsConnection(sandbox: Sandbox) {
  const conn = connectionFor(sandbox);
  await conn.authorize({ grant_type: "client_credentials" });
  return conn;
}
