import type { ApplyResult } from "@/lib/sync/apply";
import { emptyCounts, type Plan, type PlanEntry } from "@/lib/sync/plan-types";

/** What the pages of an incremental run add up to, for the run's row and its result. */
export class RunTotals {
  readonly counts = emptyCounts();
  peopleWritten = 0;
  /** The next run record's sequence number. */
  seq = 0;
  /** Changes read, of every object. */
  changes = 0;
  private readonly entries: PlanEntry[] = [];
  private readonly warnings: Plan["warnings"] = [];
  private readonly positionsToCreate = new Set<string>();
  private received = 0;

  /** The counts once this page's plan is added too, to check before it is applied. */
  countsWith(plan: Plan | null) {
    const counts = { ...this.counts };
    for (const [outcome, n] of Object.entries(plan?.counts ?? {})) {
      counts[outcome as keyof typeof counts] += n;
    }
    return counts;
  }

  add(plan: Plan | null, applied: ApplyResult | null, changes: number) {
    this.changes += changes;
    if (!plan) return;
    Object.assign(this.counts, this.countsWith(plan));
    this.entries.push(...plan.entries);
    this.warnings.push(...plan.warnings);
    for (const name of plan.positionsToCreate) this.positionsToCreate.add(name);
    this.received += plan.records.received;
    this.peopleWritten += applied?.peopleWritten ?? 0;
    this.seq += plan.entries.length;
  }

  plan(): Plan {
    return {
      entries: this.entries,
      counts: { ...this.counts },
      warnings: this.warnings,
      positionsToCreate: [...this.positionsToCreate],
      records: { received: this.received },
    };
  }
}
