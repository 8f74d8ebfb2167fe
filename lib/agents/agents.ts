import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { agents, agentRole, type Agent } from "@/lib/db/schema";

export const roleSchema = z.enum(agentRole.enumValues, {
  error: "Role must be one of admin, agent or viewer.",
});
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .email({ error: "Enter a valid email address." })
  .transform((v) => v.trim().toLowerCase());

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);

export async function findAgentByEmail(db: Database, email: string): Promise<Agent | undefined> {
  const [agent] = await db
    .select()
    .from(agents)
    .where(sql`lower(${agents.email}) = ${email.trim().toLowerCase()}`);
  return agent;
}

export async function findAgentById(db: Database, id: string): Promise<Agent | undefined> {
  const [agent] = await db.select().from(agents).where(eq(agents.id, id));
  return agent;
}

export async function countAgents(db: Database) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(agents);
  return row?.n ?? 0;
}

/** Adds an agent, or gives an existing one the role and a new password. */
export async function upsertAgent(
  db: Database,
  input: { email: string; role: Role; password: string; name?: string },
) {
  const email = emailSchema.parse(input.email);
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  const existing = await findAgentByEmail(db, email);

  if (existing) {
    const [agent] = await db
      .update(agents)
      .set({ role: input.role, passwordHash, disabledAt: null })
      .where(eq(agents.id, existing.id))
      .returning();
    return { agent: agent!, created: false };
  }

  const [agent] = await db
    .insert(agents)
    .values({ email, role: input.role, passwordHash, name: input.name ?? null })
    .returning();
  return { agent: agent!, created: true };
}

export class UnknownAgent extends Error {
  constructor(email: string) {
    super(`No agent has the email ${email}; add one with \`agent add\`.`);
  }
}

export async function resetAgentPassword(db: Database, email: string, password: string) {
  const existing = await findAgentByEmail(db, email);
  if (!existing) throw new UnknownAgent(email);
  const passwordHash = await hashPassword(passwordSchema.parse(password));
  await db.update(agents).set({ passwordHash }).where(eq(agents.id, existing.id));
  return existing;
}
