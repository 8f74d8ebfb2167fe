import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Role } from "@/lib/agents/agents";
import { AuthorisationError, requireAgent } from "@/lib/auth/guard";
import type { Agent } from "@/lib/db/schema";
import { logger } from "@/lib/logger";

/** An expected failure whose message an agent can act on; shown as it is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status?: 401 | 403; error: string; fieldErrors?: Record<string, string> };

function fieldErrorsOf(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".")] ??= issue.message;
  return fields;
}

/**
 * Every server action goes through here: parse the input with the shared schema, authorise on
 * the server, run, and turn failures into a result the form can show.
 */
export async function runAction<S extends z.ZodType, T>(
  minRole: Role,
  schema: S,
  input: unknown,
  handler: (input: z.infer<S>, agent: Agent) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const agent = await requireAgent(minRole);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, error: Object.values(fieldErrors)[0] ?? "Check the form.", fieldErrors };
    }
    return { ok: true, data: await handler(parsed.data, agent) };
  } catch (error) {
    if (error instanceof AuthorisationError) {
      return { ok: false, status: error.status, error: error.message };
    }
    if (error instanceof UserFacingError) {
      return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    }
    const eventId = randomUUID();
    logger().error({ err: error, eventId }, "server action failed");
    return { ok: false, error: `Something went wrong on our side (event ${eventId}).` };
  }
}

/** Route handlers: the same guard, answered as 401/403 JSON. */
export async function guardRoute(minRole: Role): Promise<Agent | Response> {
  try {
    return await requireAgent(minRole);
  } catch (error) {
    if (error instanceof AuthorisationError) {
      return Response.json({ error: error.message }, { status: error.status });
    }
    throw error;
  }
}
