import type { RunCounts } from "@/lib/db/schema";
import { outcomeLabels, outcomes } from "@/lib/sync/preview-filter";

/** The plan's counts by outcome; a run of the same config and data writes exactly these. */
export function PreviewCounts({ counts }: { counts: RunCounts }) {
  return (
    <dl className="grid grid-cols-3 gap-3 md:grid-cols-6" data-testid="preview-counts">
      {outcomes.map((outcome) => (
        <div key={outcome} className="rounded-md border border-border p-3" data-outcome={outcome}>
          <dt className="text-xs text-muted-foreground">{outcomeLabels[outcome]}</dt>
          <dd className="text-xl font-semibold">{counts[outcome].toLocaleString("en-US")}</dd>
        </div>
      ))}
    </dl>
  );
}
