import "server-only";
import { and, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { salesforceConnections, syncConfigs, syncRuns, type SyncRun } from "@/lib/db/schema";

/** The badge on an organisation, with what an agent needs to act on it. */
export type OrganisationHealth =
  | { status: "needs_setup"; reason: string }
  | { status: "awaiting_confirmation"; runId: string; reason: string }
  | { status: "failing"; runId: string; reason: string; since: Date }
  | { status: "never_run" }
  | { status: "ok"; lastRunAt: Date };

type EndedRun = Pick<SyncRun, "id" | "status" | "error" | "createdAt">;

export type HealthFacts = {
  connected: boolean;
  configured: boolean;
  /** The organisation's newest runs that have ended, newest first; two are enough. */
  endedRuns: EndedRun[];
};

const ENDED = [
  "succeeded",
  "failed",
  "interrupted",
  "paused_api_limit",
  "awaiting_confirmation",
] as const;
const FAILED: readonly SyncRun["status"][] = ["failed", "interrupted"];

export function healthOf(facts: HealthFacts): OrganisationHealth {
  if (!facts.connected) {
    return {
      status: "needs_setup",
      reason: "No Salesforce connection yet: connect the org first.",
    };
  }
  if (!facts.configured) {
    return {
      status: "needs_setup",
      reason: "No sync config yet: answer the six questions and save.",
    };
  }

  const [last, before] = facts.endedRuns;
  if (!last) return { status: "never_run" };
  if (last.status === "awaiting_confirmation") {
    return { status: "awaiting_confirmation", runId: last.id, reason: last.error ?? "" };
  }
  if (before && FAILED.includes(last.status) && FAILED.includes(before.status)) {
    const reason = last.error ?? "The last two syncs failed.";
    return { status: "failing", runId: last.id, reason, since: before.createdAt };
  }
  return { status: "ok", lastRunAt: last.createdAt };
}

/** The health of the given organisations in three queries, for the organisations page. */
export async function organisationsHealth(
  db: Database,
  organisationIds: string[],
): Promise<Map<string, OrganisationHealth>> {
  if (organisationIds.length === 0) return new Map();

  const ranked = db
    .select({
      organisationId: syncRuns.organisationId,
      id: syncRuns.id,
      status: syncRuns.status,
      error: syncRuns.error,
      createdAt: syncRuns.createdAt,
      rank: sql<number>`row_number() over (partition by ${syncRuns.organisationId} order by ${syncRuns.createdAt} desc)`.as(
        "rank",
      ),
    })
    .from(syncRuns)
    .where(and(inArray(syncRuns.organisationId, organisationIds), inArray(syncRuns.status, ENDED)))
    .as("ranked");
  // One after another: the embedded database runs one query at a time anyway.
  const runs = await db.select().from(ranked).where(lte(ranked.rank, 2)).orderBy(ranked.rank);
  const connections = await db
    .select({ organisationId: salesforceConnections.organisationId })
    .from(salesforceConnections)
    .where(inArray(salesforceConnections.organisationId, organisationIds));
  const configs = await db
    .selectDistinct({ organisationId: syncConfigs.organisationId })
    .from(syncConfigs)
    .where(inArray(syncConfigs.organisationId, organisationIds));

  const connected = new Set(connections.map((row) => row.organisationId));
  const configured = new Set(configs.map((row) => row.organisationId));
  return new Map(
    organisationIds.map((id) => [
      id,
      healthOf({
        connected: connected.has(id),
        configured: configured.has(id),
        endedRuns: runs.filter((run) => run.organisationId === id),
      }),
    ]),
  );
}

export async function organisationHealth(db: Database, organisationId: string) {
  return (await organisationsHealth(db, [organisationId])).get(organisationId)!;
}
