import Link from "next/link";
import { CountsLine } from "@/components/runs/counts-line";
import { RunStatusBadge } from "@/components/runs/status-badge";
import { formatDateTime, formatDuration } from "@/components/ui/format";
import type { RunSummary } from "@/lib/runs/queries";

const triggerWords = {
  manual: "Run now",
  schedule: "Schedule",
  cli: "Command line",
  retry: "Retry",
};

export function RunsTable({
  organisationId,
  runs,
}: {
  organisationId: string;
  runs: RunSummary[];
}) {
  if (runs.length === 0) return <p className="text-sm text-muted-foreground">No runs yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="runs-table">
      <caption className="sr-only">Sync runs, newest first</caption>
      <thead className="border-b border-border text-muted-foreground">
        <tr>
          <th scope="col" className="py-2">
            Started
          </th>
          <th scope="col">Status</th>
          <th scope="col">Trigger</th>
          <th scope="col">Agent</th>
          <th scope="col">Duration</th>
          <th scope="col">Counts</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} className="border-b border-border">
            <td className="py-2">
              <Link
                href={`/organisations/${organisationId}/runs/${run.id}`}
                className="text-brand underline"
              >
                {formatDateTime(run.startedAt ?? run.createdAt)}
              </Link>
            </td>
            <td>
              <RunStatusBadge status={run.status} />
            </td>
            <td>{triggerWords[run.trigger]}</td>
            <td>{run.agentEmail ?? "—"}</td>
            <td>{formatDuration(run.startedAt, run.finishedAt)}</td>
            <td>
              <CountsLine counts={run.counts} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
