import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type Sandbox, startSandbox } from "../index";
import { DEFAULT_USER } from "../org/create-org";
import {
  clientCredentialsConnection,
  connectionFor,
  passwordConnection,
} from "../test-support/jsforce";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ tokenTtlSeconds: 3600 });
  sandbox.org.insert("Contact", { LastName: "Okafor" });
});

afterAll(() => sandbox.close());

const user = DEFAULT_USER;
const orgUserId = () => sandbox.org.logins[0]!.id;

async function tokenRequest(form: Record<string, string>) {
  const response = await fetch(`${sandbox.loginUrl}/services/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe("OAuth2 token endpoint", () => {
  test("password grant answers like Salesforce, with identity URL and refresh token", async () => {
    const { status, body } = await tokenRequest({
      grant_type: "password",
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
      username: user.username,
      password: user.password + user.securityToken,
    });
    expect(status).toBe(200);
    expect(body.instance_url).toBe(sandbox.instanceUrl);
    expect(body.id).toBe(`${sandbox.loginUrl}/id/${sandbox.org.orgId}/${orgUserId()}`);
    expect(body.token_type).toBe("Bearer");
    expect(body.access_token).toMatch(new RegExp(`^${sandbox.org.orgId.slice(0, 15)}!`));
    expect(body.refresh_token).toMatch(/^5Aep861/);
    expect(Number(body.issued_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(body.signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  test("password without the security token is an authentication failure", async () => {
    const { status, body } = await tokenRequest({
      grant_type: "password",
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
      username: user.username,
      password: user.password,
    });
    expect(status).toBe(400);
    expect(body).toEqual({ error: "invalid_grant", error_description: "authentication failure" });
  });

  test("unknown client id, wrong secret and unknown grant type are rejected", async () => {
    const base = { grant_type: "client_credentials", client_secret: sandbox.clientSecret };
    expect((await tokenRequest({ ...base, client_id: "nope" })).body).toEqual({
      error: "invalid_client_id",
      error_description: "client identifier invalid",
    });
    expect(
      (await tokenRequest({ ...base, client_id: sandbox.clientId, client_secret: "x" })).body,
    ).toEqual({
      error: "invalid_client",
      error_description: "invalid client credentials",
    });
    const unsupported = await tokenRequest({ grant_type: "implicit", client_id: sandbox.clientId });
    expect(unsupported).toEqual({
      status: 400,
      body: { error: "unsupported_grant_type", error_description: "grant type not supported" },
    });
  });
});

describe("jsforce against the sandbox", () => {
  test("logs in with the username-password flow and queries", async () => {
    const conn = await passwordConnection(sandbox);
    expect(conn.userInfo?.organizationId).toBe(sandbox.org.orgId);
    const result = await conn.query<{ LastName: string }>("SELECT LastName FROM Contact");
    expect(result.records.map((r) => r.LastName)).toEqual(["Okafor"]);
    expect(conn.limitInfo.apiUsage?.limit).toBe(100_000);
  });

  test("authorises with client credentials, which issue no refresh token", async () => {
    const conn = await clientCredentialsConnection(sandbox);
    expect(conn.refreshToken).toBeUndefined();
    const identity = await conn.identity();
    expect(identity.username).toBe(user.username);
    expect(identity.organization_id).toBe(sandbox.org.orgId);
  });

  test("reports a wrong password as jsforce's invalid_grant error", async () => {
    const conn = connectionFor(sandbox);
    await expect(conn.login(user.username, "wrong")).rejects.toMatchObject({
      name: "invalid_grant",
      message: "authentication failure",
    });
  });

  test("gets INVALID_SESSION_ID for an unknown token", async () => {
    const response = await fetch(`${sandbox.instanceUrl}/services/data/v62.0/limits`, {
      headers: { authorization: "Bearer 00D!nope" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual([
      { message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" },
    ]);
  });

  test("after the session expires, refreshes once with the refresh token and retries", async () => {
    const conn = connectionFor(sandbox);
    await conn.authorize({
      grant_type: "password",
      username: user.username,
      password: user.password + user.securityToken,
    });
    const before = conn.accessToken;
    let refreshes = 0;
    conn.on("refresh", () => (refreshes += 1));
    sandbox.faults.expireSessions();
    const result = await conn.query<{ LastName: string }>("SELECT LastName FROM Contact");
    expect(result.records[0]!.LastName).toBe("Okafor");
    expect(refreshes).toBe(1);
    expect(conn.accessToken).not.toBe(before);
  });

  test("expires access tokens after the configured time", async () => {
    const short = await startSandbox({ tokenTtlSeconds: 0.2 });
    try {
      const conn = connectionFor(short);
      await conn.authorize({ grant_type: "client_credentials" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(conn.query("SELECT Id FROM Contact")).rejects.toThrow(
        /Unable to refresh session/,
      );
    } finally {
      await short.close();
    }
  });
});
