import "server-only";

import { requestTokens, refreshTokens } from "./auth";
import { DescribeCache } from "./describe";
import { type ApiErrorBody, SalesforceError, apiError } from "./errors";
import { exchange, type HttpResponse } from "./http";
import {
  type ConnectionOptions,
  DEFAULT_API_VERSION,
  type SalesforceSettings,
  type SalesforceTokens,
} from "./settings";

export interface RequestInit {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A session with one org. It signs in on first use, renews on a 401 (with the refresh token
 * when there is one, else by signing in again), shares one renewal between concurrent requests
 * and hands every new token to `onTokens`.
 */
export class SalesforceConnection {
  readonly apiVersion: string;
  readonly describes: DescribeCache;
  private tokens: SalesforceTokens | undefined;
  private renewal: Promise<SalesforceTokens> | undefined;

  constructor(
    readonly settings: SalesforceSettings,
    private readonly options: ConnectionOptions = {},
  ) {
    this.apiVersion = settings.apiVersion ?? DEFAULT_API_VERSION;
    this.describes = new DescribeCache(this, options.describeTtlMs);
    if (settings.accessToken && settings.instanceUrl) {
      this.tokens = {
        accessToken: settings.accessToken,
        instanceUrl: settings.instanceUrl,
        refreshToken: settings.refreshToken,
      };
    }
  }

  /** The current tokens, signing in first when there are none. */
  async session(): Promise<SalesforceTokens> {
    return this.tokens ?? this.renew(undefined);
  }

  /** `/services/data/vNN.0` + path, or an absolute `/services/...` path (a nextRecordsUrl). */
  dataPath(path: string): string {
    return path.startsWith("/services/") ? path : `/services/data/v${this.apiVersion}${path}`;
  }

  /** A JSON API call; Salesforce errors become SalesforceErrors. */
  async requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.request(path, init);
    if (response.status >= 400) throw this.failure(response);
    return (response.text ? JSON.parse(response.text) : undefined) as T;
  }

  /** A raw API call with the session; renews once on INVALID_SESSION_ID and retries. */
  async request(path: string, init: RequestInit = {}): Promise<HttpResponse> {
    let tokens = await this.session();
    for (let attempt = 0; ; attempt++) {
      await this.options.beforeRequest?.(path);
      const response = await this.send(tokens, path, init);
      if (response.status !== 401 || attempt > 0) return response;
      this.options.log?.({ path: path.split("?")[0] }, "salesforce session expired, renewing");
      tokens = await this.renew(tokens.accessToken);
    }
  }

  failure(response: HttpResponse): SalesforceError {
    let body: ApiErrorBody | undefined;
    try {
      const parsed = JSON.parse(response.text) as ApiErrorBody | ApiErrorBody[];
      body = Array.isArray(parsed) ? parsed[0] : parsed;
    } catch {
      body = undefined;
    }
    return apiError(response.status, body, this.apiVersion);
  }

  /**
   * One renewal at a time: callers that saw the same expired token wait for it. Inside the
   * caller's lock the stored tokens are read first, as another process may have renewed.
   */
  renew(expiredToken: string | undefined): Promise<SalesforceTokens> {
    if (this.tokens && this.tokens.accessToken !== expiredToken)
      return Promise.resolve(this.tokens);
    if (!this.renewal) {
      const run = () => this.renewNow(expiredToken);
      const locked = this.options.refreshLock ? this.options.refreshLock(run) : run();
      this.renewal = locked.finally(() => {
        this.renewal = undefined;
      });
    }
    return this.renewal;
  }

  private async renewNow(expiredToken: string | undefined): Promise<SalesforceTokens> {
    const stored = await this.options.loadTokens?.();
    if (stored?.accessToken && stored.instanceUrl && stored.accessToken !== expiredToken) {
      this.tokens = { ...this.tokens, ...stored } as SalesforceTokens;
      return this.tokens;
    }
    const refreshToken =
      stored?.refreshToken ?? this.tokens?.refreshToken ?? this.settings.refreshToken;
    let tokens: SalesforceTokens | undefined;
    if (refreshToken) {
      tokens = await refreshTokens(this.settings, refreshToken).catch((error: unknown) => {
        this.options.log?.({ err: error }, "salesforce refresh token refused, signing in again");
        return undefined;
      });
    }
    tokens ??= await requestTokens(this.settings);
    this.tokens = { ...tokens, identityUrl: tokens.identityUrl ?? this.tokens?.identityUrl };
    await this.options.onTokens?.(this.tokens);
    return this.tokens;
  }

  private send(tokens: SalesforceTokens, path: string, init: RequestInit): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${tokens.accessToken}`,
      accept: "application/json",
      ...init.headers,
    };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["content-type"] ??= "application/json; charset=utf-8";
    }
    return exchange(
      `${tokens.instanceUrl}${this.dataPath(path)}`,
      { method: init.method ?? "GET", headers, body },
      {
        timeoutMs: this.options.requestTimeoutMs ?? 120_000,
        retries: this.options.retries ?? 3,
      },
    );
  }
}

/** A connection from stored settings; nothing is sent until the first request. */
export function createSalesforceConnection(
  settings: SalesforceSettings,
  options: ConnectionOptions = {},
): SalesforceConnection {
  if (settings.authFlow === "username_password" && !settings.username) {
    throw new SalesforceError(
      "invalid_credentials",
      "The username-password flow needs the integration user's username.",
    );
  }
  return new SalesforceConnection(
    { ...settings, loginUrl: settings.loginUrl.replace(/\/+$/, "") },
    options,
  );
}
