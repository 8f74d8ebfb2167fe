import { createServer } from "node:net";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { Sandbox } from "@/sandbox/index";

import { testConnection } from "./test-connection";
import { clientCredentials, sandboxWith, usernamePassword } from "./test-support";

let multi: Sandbox;
let single: Sandbox;

beforeAll(async () => {
  multi = await sandboxWith({ personAccounts: true, apiLimit: 5000 });
  single = await sandboxWith({ multiAccount: false, clientCredentialsUser: null });
});

afterAll(async () => {
  await Promise.all([multi.close(), single.close()]);
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("testConnection", () => {
  test("reports the org, the integration user, API usage and the org's features", async () => {
    const result = await testConnection(usernamePassword(multi));
    expect(result).toEqual({
      ok: true,
      report: {
        orgId: multi.org.orgId,
        instanceUrl: multi.instanceUrl,
        apiVersion: "62.0",
        user: {
          id: multi.org.logins[0]!.id,
          username: "integration@sandbox.example",
          displayName: "Integration User",
          email: "integration@sandbox.example",
        },
        apiUsage: { used: expect.any(Number), max: 5000, remaining: expect.any(Number) },
        multiAccount: true,
        personAccounts: true,
      },
    });
    if (result.ok)
      expect(result.report.apiUsage.used + result.report.apiUsage.remaining).toBe(5000);
    const plain = await testConnection(usernamePassword(single));
    expect(plain.ok && plain.report).toMatchObject({ multiAccount: false, personAccounts: false });
  });

  test("explains each way signing in fails", async () => {
    const failures = await Promise.all([
      testConnection(clientCredentials(multi, { clientId: "wrong" })),
      testConnection(clientCredentials(multi, { clientSecret: "wrong" })),
      testConnection(usernamePassword(multi, { securityToken: "" })),
      testConnection(clientCredentials(single)),
      testConnection(clientCredentials(multi, { loginUrl: await closedPortUrl() })),
      testConnection(clientCredentials(multi, { apiVersion: "99.0" })),
    ]);
    expect(failures.map((f) => !f.ok && f.error.code)).toEqual([
      "invalid_client",
      "invalid_client",
      "invalid_credentials",
      "flow_not_enabled",
      "unreachable",
      "api_version",
    ]);
    const messages = failures.map((f) => (f.ok ? "" : f.error.message));
    expect(messages[0]).toContain("does not know this consumer key");
    expect(messages[1]).toContain("rejected the consumer secret");
    expect(messages[2]).toContain("append the user's current security token");
    expect(messages[3]).toContain("choose a Run As user");
    expect(messages[4]).toMatch(
      /^Cannot reach Salesforce at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)\. Check the login URL/,
    );
    expect(messages[5]).toContain("API version 99.0");
  });

  test("says when the org is out of API requests", async () => {
    multi.faults.exhaustApiAfter(0);
    const result = await testConnection(clientCredentials(multi));
    multi.faults.reset();
    expect(result).toEqual({
      ok: false,
      error: {
        code: "request_limit",
        message: expect.stringContaining("used all of its daily API requests"),
      },
    });
  });
});
