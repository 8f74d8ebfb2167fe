import type { Server } from "node:http";

import { Faults } from "./faults";
import { BulkJobs } from "./http/bulk-jobs";
import type { SandboxConfig, SandboxContext } from "./http/context";
import { Locators } from "./http/locators";
import { type Log, listen } from "./http/server";
import { Sessions } from "./http/sessions";
import { type OrgOptions, createOrg } from "./org/create-org";
import type { SandboxOrg } from "./org/org";
import { loadDataTrees } from "./seed/data-tree";
import { type GeneratorOptions, generateOrgData } from "./seed/generator";

export { createOrg, DEFAULT_USER, type OrgOptions } from "./org/create-org";
export type { SandboxOrg, SandboxUser } from "./org/org";
export type { Faults, FailureSpec, RequestKind } from "./faults";
export { loadDataTrees } from "./seed/data-tree";
export { generateOrgData, type GeneratorOptions } from "./seed/generator";
export { samplesAvailable, seedDemoOrg, type DemoSeedResult } from "./seed/demo";

export interface SandboxOptions extends OrgOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  /** Newest API version served, e.g. "64.0". */
  apiVersion?: string;
  /** Daily API request limit (DailyApiRequests.Max). */
  apiLimit?: number;
  /** Delay before every response, to imitate a real org's round trip. */
  latencyMs?: number;
  bulkPageSize?: number;
  refreshTokenOnPassword?: boolean;
  rotateRefreshTokens?: boolean;
  /** Username the client credentials flow runs as; the first user by default, null turns it off. */
  clientCredentialsUser?: string | null;
  /** sfdx data-tree folders to load, in order; each folder is one namespace of `@ref`s. */
  seedDirs?: string[];
  /** Generated contacts (with their accounts and relations) added after the seeds. */
  generate?: number | GeneratorOptions;
  /** Runs last, for anything else a test or the demo needs in the org. */
  populate?: (org: SandboxOrg) => void | Promise<void>;
  /** An org built beforehand; the org options above are then ignored. */
  org?: SandboxOrg;
  log?: Log;
}

export interface Sandbox {
  loginUrl: string;
  instanceUrl: string;
  port: number;
  org: SandboxOrg;
  faults: Faults;
  clientId: string;
  clientSecret: string;
  stats: { readonly apiCalls: number };
  close(): Promise<void>;
}

export const DEFAULT_CLIENT_ID = "3MVG9sandbox.console.client";
export const DEFAULT_CLIENT_SECRET = "sandbox-client-secret";

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const org = options.org ?? createOrg(options);
  if (options.seedDirs?.length) loadDataTrees(org, options.seedDirs);
  if (options.generate !== undefined) {
    const generator =
      typeof options.generate === "number" ? { contacts: options.generate } : options.generate;
    generateOrgData(org, generator);
  }
  await options.populate?.(org);

  const config = configOf(options);
  const usage = { used: 0, limit: config.apiLimit };
  const sessions = new Sessions(org.orgId);
  const faults = new Faults({
    expireSessions: () => sessions.expireAll(),
    revokeRefreshTokens: () => sessions.revokeRefreshTokens(),
    setApiRemaining: (remaining) => {
      usage.limit = remaining === undefined ? config.apiLimit : usage.used + remaining;
    },
  });
  const ctx: SandboxContext = {
    org,
    config,
    sessions,
    faults,
    usage,
    locators: new Locators(),
    bulkJobs: new BulkJobs(),
    urls: { loginUrl: "", instanceUrl: "" },
  };
  const { server, port } = await listen(ctx, options.port ?? 0, options.log);
  ctx.urls.loginUrl = `http://127.0.0.1:${port}`;
  ctx.urls.instanceUrl = ctx.urls.loginUrl;
  options.log?.({ port, contacts: org.records("Contact").length }, "sandbox org listening");

  return {
    loginUrl: ctx.urls.loginUrl,
    instanceUrl: ctx.urls.instanceUrl,
    port,
    org,
    faults,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stats: {
      get apiCalls() {
        return usage.used;
      },
    },
    close: () => closeServer(server),
  };
}

function configOf(options: SandboxOptions): SandboxConfig {
  const version = Number.parseFloat(options.apiVersion ?? "64.0");
  if (!Number.isFinite(version)) throw new Error(`Not an API version: ${options.apiVersion}`);
  return {
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    tokenTtlMs: (options.tokenTtlSeconds ?? 7200) * 1000,
    maxApiVersion: Math.floor(version),
    apiLimit: options.apiLimit ?? 100_000,
    latencyMs: options.latencyMs ?? 0,
    bulkPageSize: options.bulkPageSize ?? 50_000,
    refreshTokenOnPassword: options.refreshTokenOnPassword ?? true,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    clientCredentialsUser: options.clientCredentialsUser,
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
