import { makeId } from "../ids";
import type { SfRecord } from "../org/values";
import type { QueryOutcome } from "../soql/evaluate";

export type Project = (record: SfRecord) => Record<string, unknown>;

export interface Cursor {
  id: string;
  outcome: QueryOutcome;
  project: Project;
  batchSize: number;
  lastUsed: number;
}

/**
 * Open query cursors. A query's answer is computed once and paged from here; the oldest cursors
 * are dropped beyond `max`, and any cursor idle for `ttlMs` expires, as Salesforce's do.
 */
export class Locators {
  private readonly cursors = new Map<string, Cursor>();
  private sequence = 0;

  constructor(
    private readonly max = 50,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  open(outcome: QueryOutcome, project: Project, batchSize: number): Cursor {
    this.sweep();
    this.sequence += 1;
    const cursor = {
      id: makeId("01g", this.sequence),
      outcome,
      project,
      batchSize,
      lastUsed: Date.now(),
    };
    this.cursors.set(cursor.id, cursor);
    while (this.cursors.size > this.max) this.cursors.delete(this.cursors.keys().next().value!);
    return cursor;
  }

  get(id: string): Cursor | undefined {
    this.sweep();
    const cursor = this.cursors.get(id);
    if (!cursor) return undefined;
    cursor.lastUsed = Date.now();
    this.cursors.delete(id);
    this.cursors.set(id, cursor);
    return cursor;
  }

  close(id: string): void {
    this.cursors.delete(id);
  }

  get size(): number {
    return this.cursors.size;
  }

  private sweep(): void {
    const cutoff = Date.now() - this.ttlMs;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff) this.cursors.delete(id);
  }
}
