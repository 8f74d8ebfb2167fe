import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { findAgentById, type Role } from "@/lib/agents/agents";
import { authOptions, SIGN_IN_PAGE } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import type { Agent } from "@/lib/db/schema";

const rank: Record<Role, number> = { viewer: 0, agent: 1, admin: 2 };

const roleNeeded: Record<Role, string> = {
  viewer: "You need to be signed in to do this.",
  agent: "Only agents and admins can do this; your role is viewer.",
  admin: "Only an admin can do this.",
};

export class AuthorisationError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one server-side check used by every page, server action and route handler: a signed-in,
 * enabled agent whose current role in the database is at least `minRole`.
 */
export async function requireAgent(minRole: Role = "viewer"): Promise<Agent> {
  const session = await getServerSession(authOptions());
  const agentId = (session as { agentId?: string } | null)?.agentId;
  if (!agentId) throw new AuthorisationError(401, "Your session has ended: sign in again.");

  const agent = await findAgentById(db(), agentId);
  if (!agent || agent.disabledAt) {
    throw new AuthorisationError(401, "Your session has ended: sign in again.");
  }
  if (rank[agent.role] < rank[minRole]) throw new AuthorisationError(403, roleNeeded[minRole]);
  return agent;
}

/** For pages: an absent session goes to the sign-in page instead of an error. */
export async function requirePageAgent(minRole: Role = "viewer"): Promise<Agent> {
  try {
    return await requireAgent(minRole);
  } catch (error) {
    if (error instanceof AuthorisationError && error.status === 401) redirect(SIGN_IN_PAGE);
    throw error;
  }
}

export function hasRole(agent: Pick<Agent, "role">, minRole: Role) {
  return rank[agent.role] >= rank[minRole];
}
