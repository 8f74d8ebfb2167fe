import type { IncomingHttpHeaders } from "node:http";

import type { Faults } from "../faults";
import type { SandboxOrg } from "../org/org";
import type { BulkJobs } from "./bulk-jobs";
import type { Locators } from "./locators";
import type { Session, Sessions } from "./sessions";

export interface SandboxConfig {
  clientId: string;
  clientSecret: string;
  tokenTtlMs: number;
  /** Highest API version served; `GET /services/data` lists 31.0 up to it. */
  maxApiVersion: number;
  apiLimit: number;
  latencyMs: number;
  /** Records per Bulk API 2.0 results page when the client sends no maxRecords. */
  bulkPageSize: number;
  /** Issue a refresh token on the password grant (real orgs do only for some connected apps). */
  refreshTokenOnPassword: boolean;
  /** Answer each refresh with a new refresh token and revoke the old one. */
  rotateRefreshTokens: boolean;
  /** Username the client credentials flow runs as; null turns the flow off. */
  clientCredentialsUser?: string | null;
}

export interface SandboxContext {
  org: SandboxOrg;
  config: SandboxConfig;
  sessions: Sessions;
  faults: Faults;
  usage: { used: number; limit: number };
  locators: Locators;
  bulkJobs: BulkJobs;
  urls: { loginUrl: string; instanceUrl: string };
}

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request to `/services/data/vNN.0/...` that passed authentication. */
export interface ApiRequest extends SandboxRequest {
  version: string;
  /** The path after `/services/data/vNN.0`. */
  rest: string;
  session: Session;
}
