import "server-only";
import type PgBoss from "pg-boss";
import { RUN_QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";

// pg-boss's own job table (schema `pgboss`, v10 layout): the one query here that reads it.
const ORPHANED_JOBS = `
  select j.id
  from pgboss.job j
  join public.sync_runs r on r.id::text = j.data->>'runId'
  where j.name = $1
    and j.state = 'active'
    and j.started_on < now() - make_interval(secs => $2)
    and r.status not in ('queued', 'running')
  limit 100`;

/**
 * Fails the active jobs whose run has ended without them: their process died mid-run and the
 * run was marked interrupted. Left active, such a job would hold its organisation's singleton
 * slot, and so hold back the retry run, until it expires (an hour by default). Failed, pg-boss
 * retries it, and the retry finds its run ended and does nothing.
 */
export async function releaseOrphanedJobs(boss: PgBoss, staleAfterSeconds: number) {
  const { rows } = await boss.getDb().executeSql(ORPHANED_JOBS, [RUN_QUEUE, staleAfterSeconds]);
  const ids = rows.map((row: { id: string }) => row.id);
  if (ids.length === 0) return 0;

  for (const id of ids) {
    await boss.fail(RUN_QUEUE, id, { reason: "the run of this job ended without it" });
  }
  logger().info({ jobIds: ids }, "orphaned run jobs released");
  return ids.length;
}
