import "server-only";
import type { Database, Transaction } from "@/lib/db/client";
import type { Organisation, SyncRun } from "@/lib/db/schema";
import type { RunMode } from "@/lib/jobs/enqueue-run";
import { logger } from "@/lib/logger";
import type { SyncConfig } from "@/lib/sync/config";
import { DEFAULT_OVERLAP_MS } from "@/lib/sync/incremental/change-window";
import {
  executeIncrementalRun,
  type IncrementalResult,
} from "@/lib/sync/incremental/execute-incremental";
import { chooseRunMode } from "@/lib/sync/incremental/run-mode";
import type { PhoneNormaliser } from "@/lib/sync/phone-worker";
import type { ContactSource } from "@/lib/sync/source";

export const DEFAULT_CHANGE_PAGE_SIZE = 2_000;

export type RunOptions = {
  /** Full by default; scheduled runs ask for incremental, and get full when they must. */
  mode?: RunMode;
  /** How far below the cursor each fresh incremental pass re-reads. */
  overlapMs?: number;
  /** Changes read per page, 200 to 2,000; each page is applied on its own. */
  changePageSize?: number;
  /** A full run's phone numbers normalised on another thread (lib/sync/phone-worker.ts). */
  phones?: PhoneNormaliser;
};

export type PreparedRun =
  | { mode: "incremental"; execute: () => Promise<IncrementalResult> }
  | { mode: "full"; source: ContactSource; commitCursor: (tx: Transaction) => Promise<void> };

/**
 * The integration point of run modes in executeRun: an incremental run is executed here, page
 * by page; a full run goes on as before and commits the cursor with its People.
 */
export async function prepareRun(input: {
  db: Database;
  run: SyncRun;
  organisation: Organisation;
  config: SyncConfig;
  source: ContactSource;
  options: RunOptions;
}): Promise<PreparedRun> {
  const { db, run, options } = input;
  const overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  const chosen = await chooseRunMode({
    db,
    run,
    config: input.config,
    source: input.source,
    requested: options.mode ?? "full",
  });
  const log = logger().child({ runId: run.id, organisationId: run.organisationId });

  if (chosen.mode === "full") {
    if (options.mode === "incremental") log.info({ reason: chosen.reason }, "run is full");
    return { mode: "full", source: chosen.source, commitCursor: chosen.commitCursor };
  }
  log.info({ positions: chosen.cursor.positions }, "run is incremental");
  return {
    mode: "incremental",
    execute: () =>
      executeIncrementalRun({
        ...input,
        cursor: chosen.cursor,
        options: {
          overlapMs,
          changePageSize: options.changePageSize ?? DEFAULT_CHANGE_PAGE_SIZE,
        },
      }),
  };
}
