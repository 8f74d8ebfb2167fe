import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { salesforceConnections, syncRuns, type Organisation } from "@/lib/db/schema";
import { organisationHealth } from "@/lib/health/organisation-health";
import { listSchedules } from "@/lib/schedules/schedule-store";
import { currentConfig } from "@/lib/sync/config-store";
import { activeRun } from "@/lib/sync/run";

const FINISHED = ["succeeded", "failed", "interrupted", "paused_api_limit"] as const;

/** What the browser may see of a connection: no ciphertext, not even encrypted. */
export async function connectionStatus(db: Database, organisationId: string) {
  const [row] = await db
    .select({
      loginUrl: salesforceConnections.loginUrl,
      authFlow: salesforceConnections.authFlow,
      apiVersion: salesforceConnections.apiVersion,
      clientId: salesforceConnections.clientId,
      username: salesforceConnections.username,
      secretsUpdatedAt: salesforceConnections.secretsUpdatedAt,
      instanceUrl: salesforceConnections.instanceUrl,
      lastTestedAt: salesforceConnections.lastTestedAt,
      lastTestOk: salesforceConnections.lastTestOk,
      lastTestMessage: salesforceConnections.lastTestMessage,
    })
    .from(salesforceConnections)
    .where(eq(salesforceConnections.organisationId, organisationId));
  return row ?? null;
}

export type ConnectionStatus = NonNullable<Awaited<ReturnType<typeof connectionStatus>>>;

export async function lastFinishedRun(db: Database, organisationId: string) {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.organisationId, organisationId), inArray(syncRuns.status, FINISHED)))
    .orderBy(desc(syncRuns.createdAt))
    .limit(1);
  return run ?? null;
}

export async function loadOverview(db: Database, organisation: Organisation) {
  const [connection, config, lastRun, running, health, schedules] = await Promise.all([
    connectionStatus(db, organisation.id),
    currentConfig(db, organisation.id),
    lastFinishedRun(db, organisation.id),
    activeRun(db, organisation.id),
    organisationHealth(db, organisation.id),
    listSchedules(db, organisation.id),
  ]);
  const upcoming = schedules
    .filter((schedule) => !schedule.paused && schedule.nextRunAt)
    .sort((a, b) => a.nextRunAt!.getTime() - b.nextRunAt!.getTime());
  return {
    connection,
    config: config ?? null,
    lastRun,
    activeRun: running ?? null,
    health,
    nextScheduled: upcoming[0] ?? null,
  };
}
