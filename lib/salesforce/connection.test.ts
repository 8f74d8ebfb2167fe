import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { Sandbox } from "@/sandbox/index";

import { createSalesforceConnection } from "./connection";
import type { SalesforceTokens } from "./settings";
import { clientCredentials, sandboxWith, tokenLog, usernamePassword } from "./test-support";

let sandbox: Sandbox;
let rotating: Sandbox;

beforeAll(async () => {
  sandbox = await sandboxWith({
    populate: (org) => void org.insert("Contact", { LastName: "Okafor" }),
  });
  rotating = await sandboxWith({ rotateRefreshTokens: true });
});

afterAll(async () => {
  await Promise.all([sandbox.close(), rotating.close()]);
});

const count = (connection: ReturnType<typeof createSalesforceConnection>) =>
  connection.requestJson<{ totalSize: number }>(
    `/query?q=${encodeURIComponent("SELECT COUNT() FROM Contact")}`,
  );

describe("createSalesforceConnection", () => {
  test("signs in with client credentials on first use and reports the tokens", async () => {
    const log = tokenLog();
    const connection = createSalesforceConnection(clientCredentials(sandbox), log);
    expect(log.issued).toHaveLength(0);
    await expect(count(connection)).resolves.toMatchObject({ totalSize: 1 });
    expect(log.issued).toEqual([
      {
        accessToken: expect.stringMatching(/^00D5g0000000001!/),
        instanceUrl: sandbox.instanceUrl,
        identityUrl: `${sandbox.loginUrl}/id/${sandbox.org.orgId}/${sandbox.org.logins[0]!.id}`,
      },
    ]);
  });

  test("uses stored tokens without signing in again", async () => {
    const first = tokenLog();
    await count(createSalesforceConnection(clientCredentials(sandbox), first));
    const stored = first.issued[0]!;
    const again = tokenLog();
    const connection = createSalesforceConnection(
      clientCredentials(sandbox, {
        accessToken: stored.accessToken,
        instanceUrl: stored.instanceUrl,
      }),
      again,
    );
    await expect(count(connection)).resolves.toMatchObject({ totalSize: 1 });
    expect(again.issued).toHaveLength(0);
  });

  test("client credentials have no refresh token, so a 401 signs in again", async () => {
    const log = tokenLog();
    const connection = createSalesforceConnection(clientCredentials(sandbox), log);
    await count(connection);
    sandbox.faults.expireSessions();
    await expect(count(connection)).resolves.toMatchObject({ totalSize: 1 });
    expect(log.issued).toHaveLength(2);
    expect(log.issued[1]!.accessToken).not.toBe(log.issued[0]!.accessToken);
    expect(log.issued[1]!.refreshToken).toBeUndefined();
  });

  test("concurrent requests after expiry share one renewal with the refresh token", async () => {
    const log = tokenLog();
    const connection = createSalesforceConnection(usernamePassword(sandbox), log);
    await count(connection);
    const refreshToken = log.issued[0]!.refreshToken;
    expect(refreshToken).toMatch(/^5Aep861/);
    sandbox.faults.expireSessions();
    const results = await Promise.all(Array.from({ length: 5 }, () => count(connection)));
    expect(results.map((r) => r.totalSize)).toEqual([1, 1, 1, 1, 1]);
    expect(log.issued).toHaveLength(2);
    expect(log.issued[1]!.refreshToken).toBe(refreshToken);
  });

  test("signs in with the password again when the refresh token was revoked", async () => {
    const log = tokenLog();
    const connection = createSalesforceConnection(usernamePassword(sandbox), log);
    await count(connection);
    sandbox.faults.revokeRefreshTokens();
    sandbox.faults.expireSessions();
    await expect(count(connection)).resolves.toMatchObject({ totalSize: 1 });
    expect(log.issued).toHaveLength(2);
    expect(log.issued[1]!.refreshToken).not.toBe(log.issued[0]!.refreshToken);
  });

  test("keeps the rotated refresh token Salesforce hands out on refresh", async () => {
    const log = tokenLog();
    const connection = createSalesforceConnection(usernamePassword(rotating), log);
    await count(connection);
    rotating.faults.expireSessions();
    await count(connection);
    const [first, second] = log.issued;
    expect(second!.refreshToken).toMatch(/^5Aep861/);
    expect(second!.refreshToken).not.toBe(first!.refreshToken);
    rotating.faults.expireSessions();
    await count(connection);
    expect(log.issued[2]!.refreshToken).not.toBe(second!.refreshToken);
  });

  test("a renewal done by another process is picked up instead of signing in again", async () => {
    let store: Partial<SalesforceTokens> = {};
    let lock = Promise.resolve();
    const refreshLock = <T>(renew: () => Promise<T>): Promise<T> => {
      const run = lock.then(renew);
      lock = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    };
    const shared = {
      refreshLock,
      loadTokens: async () => store,
      onTokens: (tokens: SalesforceTokens) => void (store = tokens),
    };
    const a = createSalesforceConnection(clientCredentials(sandbox), shared);
    await count(a);
    sandbox.faults.expireSessions();
    await count(a);
    const renewed = store.accessToken;
    let signIns = 0;
    const watched = {
      ...shared,
      onTokens: (tokens: SalesforceTokens) => ((signIns += 1), shared.onTokens(tokens)),
    };
    const c = createSalesforceConnection(
      clientCredentials(sandbox, { accessToken: "00Dexpired!x", instanceUrl: sandbox.instanceUrl }),
      watched,
    );
    await expect(count(c)).resolves.toMatchObject({ totalSize: 1 });
    expect(signIns).toBe(0);
    expect(store.accessToken).toBe(renewed);
  });
});
