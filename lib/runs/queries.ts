import "server-only";
import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { agents, syncConfigs, syncRunRecords, syncRuns } from "@/lib/db/schema";
import type { Outcome } from "@/lib/sync/plan-types";

export const RUN_RECORDS_PAGE_SIZE = 50;

const runColumns = {
  id: syncRuns.id,
  organisationId: syncRuns.organisationId,
  trigger: syncRuns.trigger,
  status: syncRuns.status,
  phase: syncRuns.phase,
  processed: syncRuns.processed,
  total: syncRuns.total,
  counts: syncRuns.counts,
  error: syncRuns.error,
  peopleWritten: syncRuns.peopleWritten,
  startedAt: syncRuns.startedAt,
  finishedAt: syncRuns.finishedAt,
  createdAt: syncRuns.createdAt,
  agentEmail: agents.email,
  configVersion: syncConfigs.version,
};

export async function listRuns(db: Database, organisationId: string, limit = 50) {
  return db
    .select(runColumns)
    .from(syncRuns)
    .leftJoin(agents, eq(agents.id, syncRuns.agentId))
    .leftJoin(syncConfigs, eq(syncConfigs.id, syncRuns.configId))
    .where(eq(syncRuns.organisationId, organisationId))
    .orderBy(desc(syncRuns.createdAt))
    .limit(limit);
}

export type RunSummary = Awaited<ReturnType<typeof listRuns>>[number];

/** A run by its id; the caller checks it belongs to the organisation in the URL. */
export async function findRun(db: Database, runId: string) {
  const [run] = await db
    .select(runColumns)
    .from(syncRuns)
    .leftJoin(agents, eq(agents.id, syncRuns.agentId))
    .leftJoin(syncConfigs, eq(syncConfigs.id, syncRuns.configId))
    .where(eq(syncRuns.id, runId));
  return run ?? null;
}

export type RunRecordFilter = { outcome?: Outcome; search?: string; page: number };

export async function listRunRecords(db: Database, runId: string, filter: RunRecordFilter) {
  const conditions: SQL[] = [eq(syncRunRecords.runId, runId)];
  if (filter.outcome) conditions.push(eq(syncRunRecords.outcome, filter.outcome));
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(syncRunRecords.salesforceContactId, like),
        ilike(syncRunRecords.reason, like),
        ilike(syncRunRecords.contactName, like),
        ilike(syncRunRecords.contactEmail, like),
      )!,
    );
  }
  const where = and(...conditions);

  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(syncRunRecords)
      .where(where)
      .orderBy(syncRunRecords.seq)
      .limit(RUN_RECORDS_PAGE_SIZE)
      .offset((filter.page - 1) * RUN_RECORDS_PAGE_SIZE),
    db.select({ value: count() }).from(syncRunRecords).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}
