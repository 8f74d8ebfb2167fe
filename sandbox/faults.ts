/** Which requests a planned fault counts and hits. */
export type RequestKind = "token" | "identity" | "api" | "query" | "bulk" | "any";

export interface FailureSpec {
  status: number;
  errorCode?: string;
  message?: string;
  /** Sent as is instead of `[{ message, errorCode }]`. */
  body?: unknown;
}

export type FaultAction =
  | { type: "fail"; failure: FailureSpec }
  | { type: "cut"; fraction: number }
  | { type: "queryTimeout" };

interface Planned {
  remaining: number;
  kind: RequestKind;
  action: FaultAction;
}

interface FaultHooks {
  expireSessions: () => void;
  revokeRefreshTokens: () => void;
  /** Allows `remaining` more calls; undefined restores the configured daily limit. */
  setApiRemaining: (remaining: number | undefined) => void;
}

/** Faults on demand for tests: each planned fault hits the n-th matching request from now. */
export class Faults {
  extraLatencyMs = 0;
  private planned: Planned[] = [];
  private failedJobs: string[] = [];

  constructor(private readonly hooks: FaultHooks) {}

  /** Fails the nth matching request (1 = the next one) with a status and error. */
  failRequest(nth: number, failure: FailureSpec, kind: RequestKind = "api"): void {
    this.plan(nth, kind, { type: "fail", failure });
  }

  /** Sends the headers and part of the body of the nth matching response, then drops the socket. */
  cutConnection(nth = 1, kind: RequestKind = "query", fraction = 0.5): void {
    this.plan(nth, kind, { type: "cut", fraction });
  }

  /** Answers the nth query request with QUERY_TIMEOUT. */
  queryTimeout(nth = 1): void {
    this.plan(nth, "query", { type: "queryTimeout" });
  }

  /** The next Bulk API 2.0 query job ends in state Failed with this message. */
  failNextBulkJob(message = "InternalServerError: the query job could not be completed"): void {
    this.failedJobs.push(message);
  }

  expireSessions(): void {
    this.hooks.expireSessions();
  }

  revokeRefreshTokens(): void {
    this.hooks.revokeRefreshTokens();
  }

  /** Allows `remaining` more API calls today; the one after gets REQUEST_LIMIT_EXCEEDED. */
  exhaustApiAfter(remaining: number): void {
    this.hooks.setApiRemaining(remaining);
  }

  setLatency(ms: number): void {
    this.extraLatencyMs = ms;
  }

  /** Drops planned faults, extra latency and an exhausted API limit. */
  reset(): void {
    this.hooks.setApiRemaining(undefined);
    this.planned = [];
    this.failedJobs = [];
    this.extraLatencyMs = 0;
  }

  /** Called once per request: the fault planned for it, if any. */
  take(kinds: readonly RequestKind[]): FaultAction | undefined {
    let hit: FaultAction | undefined;
    for (const planned of this.planned) {
      if (planned.kind !== "any" && !kinds.includes(planned.kind)) continue;
      planned.remaining -= 1;
      if (planned.remaining === 0 && !hit) hit = planned.action;
    }
    this.planned = this.planned.filter((p) => p.remaining > 0);
    return hit;
  }

  takeBulkJobFailure(): string | undefined {
    return this.failedJobs.shift();
  }

  private plan(nth: number, kind: RequestKind, action: FaultAction): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error("nth counts from 1 (the next request)");
    this.planned.push({ remaining: nth, kind, action });
  }
}
