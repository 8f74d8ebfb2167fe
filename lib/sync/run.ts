import "server-only";
import { throttleProgress } from "@/lib/sync/progress";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { organisations, syncRuns, type SyncRun } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { holdRunForConfirmation, massRemovalHold } from "@/lib/health/mass-removal-guard";
import { applyPlan } from "@/lib/sync/apply";
import { openRecordsBeside } from "@/lib/sync/records-beside";
import { computePlanOutline, type Progress } from "@/lib/sync/compute-plan";
import { configVersionById, currentConfig } from "@/lib/sync/config-store";
import { PersonWrittenMeanwhile, RunAlreadyGoing, SyncError } from "@/lib/sync/errors";
import { pauseIfApiLimit } from "@/lib/sync/budget/pause-run";
import { type PreparedRun, prepareRun, type RunOptions } from "@/lib/sync/incremental/prepare-run";
import type { ReadablePlan } from "@/lib/sync/plan-types";
import type { ContactSource } from "@/lib/sync/source";

const ACTIVE = ["queued", "running"] as const;
const HEARTBEAT_TIMEOUT_SECONDS = 120;

type StartInput = {
  organisationId: string;
  trigger: SyncRun["trigger"];
  agentId: string | null;
};

/**
 * Records a queued run of the current config. The database's partial unique index allows one
 * queued or running run per organisation, so two processes starting at once cannot both win.
 */
export async function startRun(db: Database, input: StartInput): Promise<SyncRun> {
  const config = await currentConfig(db, input.organisationId);
  if (!config) {
    throw new SyncError(
      "This organisation has no saved sync config yet: answer the six questions and save first.",
    );
  }

  await markAbandonedRuns(db, input.organisationId);
  const [run] = await db
    .insert(syncRuns)
    .values({ ...input, configId: config.id, status: "queued", heartbeatAt: new Date() })
    .onConflictDoNothing()
    .returning();
  if (run) return run;

  const active = await activeRun(db, input.organisationId);
  throw new RunAlreadyGoing(active?.startedAt ?? active?.createdAt ?? null);
}

export async function activeRun(db: Database, organisationId: string) {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.organisationId, organisationId), inArray(syncRuns.status, ACTIVE)))
    .orderBy(desc(syncRuns.createdAt))
    .limit(1);
  return run;
}

// A run whose process died keeps its row active; without this nobody could start another.
async function markAbandonedRuns(db: Database, organisationId: string) {
  await db
    .update(syncRuns)
    .set({
      status: "interrupted",
      finishedAt: new Date(),
      error:
        "The process running this sync stopped before it finished; nothing it planned was applied. Start the sync again.",
    })
    .where(
      and(
        eq(syncRuns.organisationId, organisationId),
        inArray(syncRuns.status, ACTIVE),
        lt(syncRuns.heartbeatAt, sql`now() - make_interval(secs => ${HEARTBEAT_TIMEOUT_SECONDS})`),
      ),
    );
}

export type RunResult =
  | { status: "succeeded"; run: SyncRun; plan: ReadablePlan; peopleWritten: number }
  | { status: "awaiting_confirmation"; run: SyncRun; plan: ReadablePlan; message: string }
  | { status: "paused_api_limit"; run: SyncRun; message: string }
  | { status: "failed"; run: SyncRun; error: string };

/**
 * Executes a queued run: plan as a preview would, then apply it all in one transaction, the
 * entries made and written a batch at a time. Give it a lazy source (lib/sync/lazy-source.ts)
 * so a connection that fails fails the run too.
 */
export async function executeRun(
  db: Database,
  runId: string,
  source: ContactSource,
  options: RunOptions = {},
): Promise<RunResult> {
  const log = logger().child({ runId });
  const [run] = await db
    .update(syncRuns)
    .set({ status: "running", startedAt: new Date(), heartbeatAt: new Date(), phase: "validating" })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "queued")))
    .returning();
  if (!run) throw new SyncError("This run is not waiting to start; it may have run already.");
  log.info({ organisationId: run.organisationId, trigger: run.trigger }, "run started");

  let prepared: PreparedRun | undefined;
  try {
    const [organisation] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, run.organisationId));
    const config = await configVersionById(db, run.configId);
    const base = { db, run, organisation: organisation!, config: config!.config, source };
    prepared = await prepareRun({ ...base, options });
    if (prepared.mode === "incremental") return await prepared.execute();
    const { commitCursor, source: fetchSource } = prepared;
    const { outline: plan } = await computePlanOutline({
      db,
      organisation: organisation!,
      config: config!.config,
      source: fetchSource,
      phones: options.phones,
      onProgress: throttleProgress((progress) => reportProgress(db, runId, progress)),
    });

    const hold = await massRemovalHold(db, { runId, organisationId: run.organisationId, plan });
    if (hold) {
      const held = await holdRunForConfirmation(db, runId, plan, hold);
      return { status: "awaiting_confirmation", run: held, plan, message: hold.message };
    }

    await reportProgress(db, runId, {
      phase: "applying",
      processed: plan.records.received,
      total: null,
    });
    // A run confirmed after a hold may have committed pages as an incremental run already.
    const firstSeq = run.recordsCommitted ?? 0;
    const beside = await openRecordsBeside(db);
    const finished = await db
      .transaction(async (tx) => {
        const applied = await applyPlan(tx, {
          organisationId: run.organisationId,
          runId,
          plan,
          firstSeq,
          recordsBeside: beside,
        });
        await commitCursor(tx);
        const [done] = await tx
          .update(syncRuns)
          .set({
            status: "succeeded",
            phase: "done",
            counts: plan.counts,
            peopleWritten: applied.peopleWritten,
            recordsCommitted: firstSeq + applied.recordsWritten,
            finishedAt: new Date(),
          })
          .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "running")))
          .returning();
        // Someone marked the run interrupted meanwhile: roll back rather than apply twice.
        if (!done)
          throw new SyncError("This run was stopped while it was applying; nothing was changed.");
        // The records' commit, then (on return) the People's: see records-beside.ts.
        await beside?.commit();
        return { run: done, peopleWritten: applied.peopleWritten };
      })
      .finally(() => beside?.close());
    log.info({ counts: plan.counts, peopleWritten: finished.peopleWritten }, "run finished");
    return { status: "succeeded", plan, ...finished };
  } catch (error) {
    const paused = await pauseIfApiLimit(db, run, error, prepared?.mode ?? "full");
    if (paused) return paused;
    const message = failureMessage(error, log, prepared?.mode ?? "full");
    const [failed] = await db
      .update(syncRuns)
      .set({ status: "failed", error: message, finishedAt: new Date() })
      .where(eq(syncRuns.id, runId))
      .returning();
    return { status: "failed", run: failed!, error: message };
  }
}

function failureMessage(error: unknown, log: ReturnType<typeof logger>, mode: PreparedRun["mode"]) {
  if (error instanceof SyncError || (error instanceof Error && error.name === "SalesforceError")) {
    log.warn({ reason: error.message }, "run failed");
    if (error instanceof PersonWrittenMeanwhile) return error.messageFor(mode);
    return error instanceof SyncError ? error.message : salesforceFailure(error);
  }
  const eventId = randomUUID();
  log.error({ err: error, eventId }, "run failed unexpectedly");
  return `The sync failed on our side (event ${eventId}); People were left as they were. Try again, and give the event id to engineering if it repeats.`;
}

function salesforceFailure({ message, code }: Error & { code?: string }) {
  if (/nothing was changed/i.test(message)) return message;
  const mayPass = ["connection_dropped", "unreachable", "salesforce_error"].includes(code ?? "");
  return `${message} People were left as they were.${mayPass ? " Run the sync again." : ""}`;
}

async function reportProgress(
  db: Database,
  runId: string,
  progress: Progress | { phase: "applying"; processed: number; total: null },
) {
  await db
    .update(syncRuns)
    .set({
      phase: progress.phase,
      processed: progress.processed,
      ...(progress.total === null ? {} : { total: progress.total }),
      heartbeatAt: new Date(),
    })
    .where(eq(syncRuns.id, runId));
}
