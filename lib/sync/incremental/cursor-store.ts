import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/lib/db/client";
import { type CursorPosition, type CursorPositions, syncCursors } from "@/lib/db/schema";
import type { ChangeObject } from "@/lib/sync/incremental/change-window";
import { inputsDigestSql } from "@/lib/sync/incremental/inputs-digest";

type Writer = Database | Transaction;

export async function loadCursor(db: Database, organisationId: string) {
  const [cursor] = await db
    .select()
    .from(syncCursors)
    .where(eq(syncCursors.organisationId, organisationId));
  return cursor;
}

/** Written in the full run's apply transaction: positions read before it fetched. */
export async function saveFullRunCursor(
  tx: Writer,
  cursor: {
    organisationId: string;
    configId: string;
    positions: CursorPositions;
  },
) {
  const values = {
    ...cursor,
    inputsDigest: inputsDigestSql(cursor.organisationId),
    passComplete: true,
    fullPending: false,
    updatedAt: new Date(),
  };
  await tx
    .insert(syncCursors)
    .values(values)
    .onConflictDoUpdate({ target: syncCursors.organisationId, set: values });
}

/** Written with the People of one page of changes, in the same transaction. */
export async function advanceCursor(
  tx: Writer,
  organisationId: string,
  object: ChangeObject,
  position: CursorPosition,
) {
  await tx
    .update(syncCursors)
    .set({
      positions: sql`${syncCursors.positions} || ${JSON.stringify({ [object]: position })}::jsonb`,
      passComplete: false,
      inputsDigest: inputsDigestSql(organisationId),
      updatedAt: new Date(),
    })
    .where(eq(syncCursors.organisationId, organisationId));
}

/** The pass read every change: its positions, with their overlap windows, are final. */
export async function finishPass(tx: Writer, organisationId: string, positions: CursorPositions) {
  await tx
    .update(syncCursors)
    .set({ passComplete: true, positions, updatedAt: new Date() })
    .where(eq(syncCursors.organisationId, organisationId));
}

/** A full run was paused: whatever the schedule says, the next run is full. */
export async function requireFullRun(db: Database, organisationId: string) {
  await db
    .update(syncCursors)
    .set({ fullPending: true, updatedAt: new Date() })
    .where(eq(syncCursors.organisationId, organisationId));
}
