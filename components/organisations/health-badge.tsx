import { cn } from "@/components/ui/cn";
import type { OrganisationHealth } from "@/lib/health/organisation-health";

type Status = OrganisationHealth["status"];

const labels: Record<Status, string> = {
  ok: "OK",
  failing: "Failing",
  never_run: "Never run",
  needs_setup: "Needs setup",
  awaiting_confirmation: "Awaiting confirmation",
};

const tones: Record<Status, string> = {
  ok: "bg-green-100 text-green-900",
  failing: "bg-red-100 text-red-900",
  never_run: "bg-zinc-100 text-zinc-800",
  needs_setup: "bg-amber-100 text-amber-900",
  awaiting_confirmation: "bg-amber-100 text-amber-900",
};

/** The organisation's health in one word; the reason, when there is one, as its tooltip. */
export function HealthBadge({ health }: { health: OrganisationHealth }) {
  const reason = "reason" in health ? health.reason : undefined;
  return (
    <span
      data-testid="health-badge"
      data-health={health.status}
      title={reason}
      className={cn(
        "inline-block rounded-full px-2.5 py-0.5 text-xs font-medium",
        tones[health.status],
      )}
    >
      {labels[health.status]}
    </span>
  );
}
