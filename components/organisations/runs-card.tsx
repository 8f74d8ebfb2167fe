import Link from "next/link";
import { runBlocker } from "@/components/runs/run-blocker";
import { RunNowButton } from "@/components/runs/run-now-button";
import { RunStatusBadge } from "@/components/runs/status-badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { SyncRun } from "@/lib/db/schema";

type Props = {
  organisationId: string;
  lastRun: SyncRun | null;
  activeRunId: string | null;
  canRun: boolean;
  configured: boolean;
  nextScheduled: { nextRunAt: Date | null; description: string } | null;
};

export function RunsCard(props: Props) {
  const { organisationId, lastRun, activeRunId, canRun, configured, nextScheduled } = props;
  return (
    <Card className="space-y-3">
      <CardTitle>Syncs</CardTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">Last run</dt>
        <dd>
          {lastRun ? (
            <Link
              href={`/organisations/${organisationId}/runs/${lastRun.id}`}
              className="inline-flex items-center gap-2 text-brand underline"
            >
              <RunStatusBadge status={lastRun.status} />
              {formatDateTime(lastRun.finishedAt ?? lastRun.createdAt)}
            </Link>
          ) : (
            "Never run"
          )}
        </dd>
        <dt className="text-muted-foreground">Next scheduled run</dt>
        <dd data-testid="next-scheduled-run">
          {nextScheduled
            ? `${formatDateTime(nextScheduled.nextRunAt)} (${nextScheduled.description})`
            : "No schedule: syncs run when an agent starts them."}
        </dd>
      </dl>
      <RunNowButton
        organisationId={organisationId}
        activeRunId={activeRunId}
        disabledReason={runBlocker(canRun, configured)}
      />
    </Card>
  );
}
