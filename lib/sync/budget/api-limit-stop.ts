import "server-only";
import { SalesforceError } from "@/lib/salesforce";
import { ApiBudgetReached } from "@/lib/sync/budget/api-budget";

/**
 * Whether a run stopped because of the org's API limit: its own budget share, or Salesforce's
 * REQUEST_LIMIT_EXCEEDED. Such a run is paused, not failed, and is not retried at once.
 */
export function isApiLimitStop(error: unknown): error is ApiBudgetReached | SalesforceError {
  if (error instanceof ApiBudgetReached) return true;
  return error instanceof SalesforceError && error.code === "request_limit";
}
