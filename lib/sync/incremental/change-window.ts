import type { CursorPosition } from "@/lib/db/schema";
import { quoteSoql } from "@/lib/sync/escape";

/**
 * Which changes an incremental pass reads, in (SystemModstamp, Id) order. The position is the
 * last record applied: reading on from it takes `SystemModstamp > t OR (SystemModstamp = t AND
 * Id > id)`, so records sharing a timestamp across a page boundary are read once, neither
 * skipped nor read again. A fresh pass starts `overlap` earlier instead, for records that a
 * long transaction made visible only after their SystemModstamp was read past.
 */

export type ChangeObject = "Contact" | "AccountContactRelation" | "Account";

export const DEFAULT_OVERLAP_MS = 5 * 60_000;

export type ReadFrom =
  | { kind: "everything" }
  | { kind: "after"; position: CursorPosition }
  | { kind: "since"; modstamp: string };

/** SystemModstamp as stored and written in SOQL: UTC with milliseconds and a Z. */
export function normaliseModstamp(value: unknown): string {
  const ms = typeof value === "number" ? value : Date.parse(String(value));
  if (!Number.isFinite(ms)) throw new Error(`Not a SystemModstamp: ${String(value)}`);
  return new Date(ms).toISOString();
}

export function comparePositions(a: CursorPosition, b: CursorPosition): number {
  const byTime = Date.parse(a.modstamp) - Date.parse(b.modstamp);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function laterPosition(a: CursorPosition | undefined, b: CursorPosition): CursorPosition {
  return a && comparePositions(a, b) >= 0 ? a : b;
}

/**
 * Where a pass starts for one object: the overlap before the position while its window is open,
 * else exactly after it. A pass resuming one stopped part-way resumes exactly, so a budget
 * smaller than the window still makes progress.
 */
export function readFrom(
  position: CursorPosition | undefined,
  resuming: boolean,
  overlapMs: number,
): ReadFrom {
  if (!position) return { kind: "everything" };
  if (resuming || !position.windowUntil || overlapMs <= 0) return { kind: "after", position };
  const since = new Date(Date.parse(position.modstamp) - overlapMs).toISOString();
  return { kind: "since", modstamp: since };
}

export function changedSinceCondition(from: ReadFrom): string | null {
  if (from.kind === "everything") return null;
  if (from.kind === "since") return `SystemModstamp >= ${from.modstamp}`;
  const { modstamp, id } = from.position;
  return `(SystemModstamp > ${modstamp} OR (SystemModstamp = ${modstamp} AND Id > ${quoteSoql(id)}))`;
}

const CHANGE_FIELDS: Record<ChangeObject, string[]> = {
  Contact: ["Id", "IsDeleted", "MasterRecordId", "SystemModstamp"],
  AccountContactRelation: ["Id", "ContactId", "AccountId", "IsDeleted", "SystemModstamp"],
  Account: ["Id", "IsDeleted", "SystemModstamp"],
};

/** The changes of one object since `from`, oldest first; read with queryAll to see deletions. */
export function changesSoql(object: ChangeObject, from: ReadFrom): string {
  const condition = changedSinceCondition(from);
  const where = condition ? ` WHERE ${condition}` : "";
  const fields = CHANGE_FIELDS[object].join(", ");
  return `SELECT ${fields} FROM ${object}${where} ORDER BY SystemModstamp, Id`;
}

/** The newest change of an object: where a full run's positions start, read before it fetches. */
export function newestChangeSoql(object: ChangeObject): string {
  return `SELECT Id, SystemModstamp FROM ${object} ORDER BY SystemModstamp DESC, Id DESC LIMIT 1`;
}

/**
 * The overlap window stays open after the positions move until a pass has started at least
 * `overlapMs` later: by then a record committed late below the positions is visible and read.
 */
export function nextWindow(
  windowUntil: string | undefined,
  moved: boolean,
  startedAt: number,
  overlapMs: number,
): string | undefined {
  if (overlapMs <= 0) return undefined;
  if (moved) return new Date(startedAt + overlapMs).toISOString();
  if (windowUntil && startedAt >= Date.parse(windowUntil)) return undefined;
  return windowUntil;
}
