import "server-only";

import { SalesforceError } from "./errors";
import { isNetworkError, networkReason } from "./oauth-errors";

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

const RETRY_STATUSES = new Set([502, 503, 504]);

/**
 * One HTTP exchange with the whole body read inside the timeout, retried for idempotent
 * requests when the connection drops or Salesforce is briefly unavailable. jsforce is not used
 * here: it never settles when a connection drops in the middle of a body.
 */
export async function exchange(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  policy: { timeoutMs: number; retries: number },
): Promise<HttpResponse> {
  const idempotent = init.method === "GET" || init.method === "DELETE";
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
      const text = await response.text();
      if (idempotent && RETRY_STATUSES.has(response.status) && attempt < policy.retries) {
        await pause(attempt);
        continue;
      }
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (!isNetworkError(error) && !isDroppedBody(error)) throw error;
      if (idempotent && attempt < policy.retries) {
        await pause(attempt);
        continue;
      }
      throw new SalesforceError(
        isDroppedBody(error) ? "connection_dropped" : "unreachable",
        `The connection to Salesforce failed (${networkReason(error)}) after ${attempt + 1} attempt(s): ${describeUrl(url)}.`,
        { cause: error },
      );
    }
  }
}

function isDroppedBody(error: unknown): boolean {
  const e = error as Error & { cause?: { code?: string } };
  return (
    e?.name === "TimeoutError" || e?.message === "terminated" || e?.cause?.code === "UND_ERR_SOCKET"
  );
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
}
