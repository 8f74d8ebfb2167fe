import "server-only";
import { SyncError } from "@/lib/sync/errors";

/** A run may use up to this share of the org's API requests left today. */
export const DEFAULT_API_BUDGET_SHARE = 0.5;

export const LIMITS_PATH = "/limits";

export type OrgLimits = { DailyApiRequests?: { Max: number; Remaining: number } };

/** A run stopped before it used more of the org's daily API requests than its share. */
export class ApiBudgetReached extends SyncError {
  constructor(
    readonly allowance: number,
    readonly remaining: number,
    readonly share: number,
  ) {
    super(
      `The sync stopped at its share of the org's API requests: ${allowance} of the ` +
        `${remaining} left today (${Math.round(share * 100)}%), so other integrations keep the rest.`,
    );
  }
}

export type ApiBudget = {
  /** For the connection's beforeRequest: counts each call and refuses the one over budget. */
  beforeRequest: (path: string) => Promise<void>;
  /** Calls made so far, the /limits call included. */
  used: () => number;
  /** Calls allowed for this run; null until /limits was read, or when the org reports none. */
  allowance: () => number | null;
};

/**
 * The API budget of one run (or preview): on the first call it reads the org's DailyApiRequests
 * from /limits and allows `share` of what remains, then counts every call against it.
 */
export function createApiBudget(
  readLimits: () => Promise<OrgLimits>,
  share = DEFAULT_API_BUDGET_SHARE,
): ApiBudget {
  let started: Promise<void> | undefined;
  let allowance: number | null = null;
  let remaining = 0;
  let used = 0;

  const start = async () => {
    const limits = await readLimits();
    const daily = limits.DailyApiRequests;
    if (!daily) return;
    remaining = daily.Remaining;
    allowance = Math.floor(daily.Remaining * share);
  };

  return {
    beforeRequest: async (path) => {
      started ??= start();
      // The /limits call itself comes back through here while `started` waits for it.
      if (path !== LIMITS_PATH) await started;
      if (allowance !== null && used + 1 > allowance) {
        throw new ApiBudgetReached(allowance, remaining, share);
      }
      used += 1;
    },
    used: () => used,
    allowance: () => allowance,
  };
}
