import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { ApiError } from "../errors";
import type { FaultAction } from "../faults";
import type { SandboxContext, SandboxRequest } from "./context";
import { type Reply, json, toReply } from "./reply";
import { kindsOf, route } from "./router";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type Log = (fields: Record<string, unknown>, message: string) => void;

export async function listen(
  ctx: SandboxContext,
  port: number,
  log?: Log,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      log?.({ err: error }, "sandbox request failed");
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

async function handle(
  ctx: SandboxContext,
  incoming: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
  const req: SandboxRequest = {
    method: incoming.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: incoming.headers,
    body: await readBody(incoming),
  };
  const fault = ctx.faults.take(kindsOf(req));
  const reply = answer(ctx, req, fault);
  const latency = ctx.config.latencyMs + ctx.faults.extraLatencyMs;
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  write(res, reply, fault?.type === "cut" ? fault.fraction : undefined);
}

function answer(ctx: SandboxContext, req: SandboxRequest, fault: FaultAction | undefined): Reply {
  if (fault?.type === "fail") {
    const {
      status,
      errorCode = "UNKNOWN_EXCEPTION",
      message = "An unexpected error occurred",
      body,
    } = fault.failure;
    return json(status, body ?? [{ message, errorCode }]);
  }
  if (fault?.type === "queryTimeout") {
    return toReply(
      new ApiError(400, "QUERY_TIMEOUT", "Your query request was running for too long."),
    );
  }
  try {
    return route(ctx, req);
  } catch (error) {
    return toReply(error);
  }
}

function write(res: ServerResponse, reply: Reply, cutAt: number | undefined): void {
  const body = Buffer.from(reply.body, "utf8");
  res.writeHead(reply.status, {
    "Content-Type": reply.contentType,
    "Content-Length": String(body.length),
    ...reply.headers,
  });
  if (cutAt === undefined) {
    res.end(body);
    return;
  }
  // Headers promise the whole body; the socket closes part-way, as a dropped connection does.
  res.write(body.subarray(0, Math.floor(body.length * cutAt)), () => res.socket?.destroy());
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("Request body too large for the sandbox");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
