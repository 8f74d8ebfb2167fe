import { ApiError } from "../errors";

export interface Reply {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return {
    status,
    body: JSON.stringify(body),
    contentType: "application/json;charset=UTF-8",
    headers,
  };
}

export function text(
  status: number,
  body: string,
  contentType = "text/plain;charset=UTF-8",
): Reply {
  return { status, body, contentType };
}

export function errorReply(error: ApiError): Reply {
  return json(error.status, error.body());
}

export function oauthError(error: string, description: string, status = 400): Reply {
  return json(status, { error, error_description: description });
}

export function toReply(error: unknown): Reply {
  if (error instanceof ApiError) return errorReply(error);
  const message = error instanceof Error ? error.message : String(error);
  return json(500, [
    { message: `Sandbox internal error: ${message}`, errorCode: "UNKNOWN_EXCEPTION" },
  ]);
}
