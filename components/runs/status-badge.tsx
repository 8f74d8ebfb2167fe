import { cn } from "@/components/ui/cn";
import type { SyncRun } from "@/lib/db/schema";

type Status = SyncRun["status"];

export const runStatusLabels: Record<Status, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  interrupted: "Interrupted",
  paused_api_limit: "Paused (API limit)",
  awaiting_confirmation: "Awaiting confirmation",
};

const tones: Partial<Record<Status, string>> = {
  succeeded: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  interrupted: "bg-red-100 text-red-900",
  running: "bg-blue-100 text-blue-900",
  queued: "bg-blue-100 text-blue-900",
};

export function RunStatusBadge({ status }: { status: Status }) {
  return (
    <span
      data-testid="run-status"
      className={cn(
        "inline-block rounded-full px-2.5 py-0.5 text-xs font-medium",
        tones[status] ?? "bg-amber-100 text-amber-900",
      )}
    >
      {runStatusLabels[status]}
    </span>
  );
}
