import "server-only";

import { SalesforceError } from "./errors";
import { isNetworkError, networkReason } from "./oauth-errors";

/**
 * A response with its whole body received. `text` decodes it; `pieces` hands it over decoded a
 * received piece at a time, dropping each piece as it goes, for a body too large to hold twice
 * (a 50,000-record Bulk results page is about 17 MB). Read it one way, once.
 */
export class HttpResponse {
  private decoded: string | undefined;

  constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly chunks: Uint8Array[],
  ) {}

  get text(): string {
    // As Response.text() and `pieces` do: a byte order mark is not part of the text.
    this.decoded ??= new TextDecoder().decode(Buffer.concat(this.chunks.splice(0)));
    return this.decoded;
  }

  *pieces(): Generator<string> {
    const decoder = new TextDecoder();
    for (let chunk = this.chunks.shift(); chunk; chunk = this.chunks.shift()) {
      yield decoder.decode(chunk, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
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
      const chunks = await readChunks(response);
      if (idempotent && RETRY_STATUSES.has(response.status) && attempt < policy.retries) {
        await pause(attempt);
        continue;
      }
      return new HttpResponse(response.status, response.headers, chunks);
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

/** The body as its pieces arrived, not joined: a large body is held once, not twice. */
async function readChunks(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  if (!reader) return chunks;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
  }
  return chunks;
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
