import type { RunCounts } from "@/lib/db/schema";
import { outcomeLabels, outcomes } from "@/lib/sync/preview-filter";

/** "Create 3 · Update 1 · Skip 12", leaving out the outcomes that did not happen. */
export function CountsLine({ counts }: { counts: RunCounts | null }) {
  if (!counts) return <span className="text-muted-foreground">—</span>;
  const parts = outcomes
    .filter((o) => counts[o] > 0)
    .map((o) => `${outcomeLabels[o]} ${counts[o]}`);
  return <span>{parts.length > 0 ? parts.join(" · ") : "Nothing to do"}</span>;
}
