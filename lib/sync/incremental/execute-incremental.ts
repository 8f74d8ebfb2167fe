import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import {
  type CursorPositions,
  customers,
  type Organisation,
  type SyncCursor,
  syncRuns,
  type SyncRun,
} from "@/lib/db/schema";
import { holdRunForConfirmation, massRemovalHold } from "@/lib/health/mass-removal-guard";
import { applyPlan } from "@/lib/sync/apply";
import type { SyncConfig } from "@/lib/sync/config";
import { indexCustomers } from "@/lib/sync/customers";
import { configInvalid, SyncError } from "@/lib/sync/errors";
import { affectedContacts } from "@/lib/sync/incremental/affected-contacts";
import { comparePositions, nextWindow, readFrom } from "@/lib/sync/incremental/change-window";
import { advanceCursor, finishPass } from "@/lib/sync/incremental/cursor-store";
import {
  changeObjectsOf,
  changePages,
  type ChangePage,
} from "@/lib/sync/incremental/discover-changes";
import { planScope, type ScopeContext } from "@/lib/sync/incremental/plan-scope";
import { RunTotals } from "@/lib/sync/incremental/run-totals";
import type { Plan } from "@/lib/sync/plan-types";
import type { ContactSource } from "@/lib/sync/source";
import { validateConfig } from "@/lib/sync/validate";

export type IncrementalOptions = { overlapMs: number; changePageSize: number };

export type IncrementalResult =
  | { status: "succeeded"; run: SyncRun; plan: Plan; peopleWritten: number }
  | { status: "awaiting_confirmation"; run: SyncRun; plan: Plan; message: string };

type IncrementalInput = {
  db: Database;
  run: SyncRun;
  organisation: Organisation;
  config: SyncConfig;
  source: ContactSource;
  cursor: SyncCursor;
  options: IncrementalOptions;
};

/**
 * An incremental run: reads each object's changes since the cursor, page by page, re-plans the
 * contacts each page affects from their full current state, and applies that page's People with
 * the cursor moved past it in one transaction. What a run has committed is therefore every page
 * before the one it stopped in (API limit, crash); the next run carries on from there.
 */
export async function executeIncrementalRun(input: IncrementalInput): Promise<IncrementalResult> {
  const { db, run, source, cursor, options } = input;
  if (!source.queryAll) throw new SyncError("This source cannot read deleted records.");
  const validated = validateConfig(input.config, await source.describes());
  if (!validated.ok) throw configInvalid(validated.issues);

  const customerRows = await customersOf(db, run.organisationId);
  const index = indexCustomers(customerRows);
  const scope: ScopeContext = {
    db,
    source,
    organisationId: run.organisationId,
    defaultCountry: input.organisation.defaultCountry,
    config: validated.config,
    fieldTypes: validated.fieldTypes,
    customers: customerRows,
  };
  const totals = new RunTotals();
  const startedAt = Date.now();
  const positions: CursorPositions = { ...cursor.positions };

  for (const object of changeObjectsOf(validated.config)) {
    const stored = cursor.positions[object];
    let position = stored;
    const from = readFrom(stored, !cursor.passComplete, options.overlapMs);
    const pages = changePages({ queryAll: source.queryAll }, object, from, options.changePageSize);
    for await (const changes of pages) {
      const contacts = await affectedContacts(source, validated.config, index, changes);
      const plan = contacts.size > 0 ? await planScope(scope, contacts, changes.merges) : null;
      const held = plan && (await holdIfMassRemoval(db, run, totals, plan));
      if (held) return held;

      if (!position || comparePositions(changes.last, position) > 0) {
        position = { ...changes.last, windowUntil: stored?.windowUntil };
      }
      await applyPage(db, run, { plan, changes, position, totals });
    }
    if (!position) continue;
    const windowUntil = nextWindow(
      stored?.windowUntil,
      position !== stored,
      startedAt,
      options.overlapMs,
    );
    positions[object] = {
      modstamp: position.modstamp,
      id: position.id,
      ...(windowUntil && { windowUntil }),
    };
  }

  const done = await db.transaction(async (tx) => {
    await finishPass(tx, run.organisationId, positions);
    const [finished] = await tx
      .update(syncRuns)
      .set({ status: "succeeded", phase: "done", counts: totals.counts, finishedAt: new Date() })
      .where(and(eq(syncRuns.id, run.id), eq(syncRuns.status, "running")))
      .returning();
    if (!finished) throw stoppedWhileApplying();
    return finished;
  });
  return {
    status: "succeeded",
    run: done,
    plan: totals.plan(),
    peopleWritten: totals.peopleWritten,
  };
}

async function applyPage(
  db: Database,
  run: SyncRun,
  page: { plan: Plan | null; changes: ChangePage; position: ChangePage["last"]; totals: RunTotals },
) {
  const { plan, changes, position, totals } = page;
  const { organisationId } = run;
  const applied = await db.transaction(async (tx) => {
    const written = plan
      ? await applyPlan(tx, { organisationId, runId: run.id, plan, firstSeq: totals.seq })
      : null;
    await advanceCursor(tx, organisationId, changes.object, position);
    const [updated] = await tx
      .update(syncRuns)
      .set({
        phase: "applying",
        processed: totals.changes + changes.records,
        counts: totals.countsWith(plan),
        peopleWritten: totals.peopleWritten + (written?.peopleWritten ?? 0),
        recordsCommitted: totals.seq + (written?.recordsWritten ?? 0),
        heartbeatAt: new Date(),
      })
      .where(and(eq(syncRuns.id, run.id), eq(syncRuns.status, "running")))
      .returning({ id: syncRuns.id });
    if (!updated) throw stoppedWhileApplying();
    return written;
  });
  // Counted once committed, so a page rolled back is not counted.
  totals.add(plan, applied, changes.records);
}

async function holdIfMassRemoval(db: Database, run: SyncRun, totals: RunTotals, plan: Plan) {
  const counts = totals.countsWith(plan);
  const hold = await massRemovalHold(db, {
    runId: run.id,
    organisationId: run.organisationId,
    plan: { counts },
  });
  if (!hold) return null;
  const held = await holdRunForConfirmation(db, run.id, { counts }, hold);
  return {
    status: "awaiting_confirmation" as const,
    run: held,
    plan: totals.plan(),
    message: hold.message,
  };
}

function stoppedWhileApplying() {
  return new SyncError(
    "This run was stopped while it was applying; its last page was not applied.",
  );
}

async function customersOf(db: Database, organisationId: string) {
  return db
    .select({
      id: customers.id,
      name: customers.name,
      salesforceAccountId: customers.salesforceAccountId,
      parentCustomerId: customers.parentCustomerId,
    })
    .from(customers)
    .where(eq(customers.organisationId, organisationId));
}
