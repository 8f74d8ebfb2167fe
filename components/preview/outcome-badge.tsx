import { cn } from "@/components/ui/cn";
import type { Outcome } from "@/lib/sync/plan-types";
import { outcomeLabels } from "@/lib/sync/preview-filter";

const tones: Record<Outcome, string> = {
  create: "bg-green-100 text-green-900",
  update: "bg-blue-100 text-blue-900",
  unchanged: "bg-zinc-100 text-zinc-800",
  archive: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
  skip: "bg-zinc-200 text-zinc-800",
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <span className={cn("inline-block rounded px-2 py-0.5 text-xs font-medium", tones[outcome])}>
      {outcomeLabels[outcome]}
    </span>
  );
}
