import { notFound } from "next/navigation";
import { z } from "zod";
import { CountsLine } from "@/components/runs/counts-line";
import { RunNowButton } from "@/components/runs/run-now-button";
import { RunRecords } from "@/components/runs/run-records";
import { RunStatusBadge } from "@/components/runs/status-badge";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatDuration } from "@/components/ui/format";
import { hasRole, requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { isUuid, pageOrganisation } from "@/lib/organisations/page-organisation";
import { findRun, listRunRecords } from "@/lib/runs/queries";
import { outcomes } from "@/lib/sync/preview-filter";
import type { Outcome } from "@/lib/sync/plan-types";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ organisationId: string; runId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

const filterSchema = z.object({
  outcome: z
    .enum(outcomes as [Outcome, ...Outcome[]])
    .optional()
    .catch(undefined),
  search: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((s) => s || undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

export default async function RunPage({ params, searchParams }: Props) {
  const agent = await requirePageAgent();
  const { organisationId, runId } = await params;
  const organisation = await pageOrganisation(organisationId);
  const run = isUuid(runId) ? await findRun(db(), runId) : null;
  if (!run || run.organisationId !== organisation.id) notFound();

  const filter = filterSchema.parse(await searchParams);
  const records = await listRunRecords(db(), run.id, filter);
  const active = run.status === "queued" || run.status === "running";

  return (
    <div className="space-y-6">
      <h2 className="flex items-center gap-3 text-xl font-semibold">
        Run of {formatDateTime(run.startedAt ?? run.createdAt)}{" "}
        <RunStatusBadge status={run.status} />
      </h2>
      <Card>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Config version</dt>
          <dd>{run.configVersion ?? "—"}</dd>
          <dt className="text-muted-foreground">Started by</dt>
          <dd>{run.agentEmail ?? run.trigger}</dd>
          <dt className="text-muted-foreground">Duration</dt>
          <dd>{formatDuration(run.startedAt, run.finishedAt)}</dd>
          <dt className="text-muted-foreground">Counts</dt>
          <dd data-testid="run-counts">
            <CountsLine counts={run.counts} />
          </dd>
          <dt className="text-muted-foreground">People written</dt>
          <dd data-testid="people-written">{run.peopleWritten ?? "—"}</dd>
        </dl>
        {run.error && (
          <p className="mt-4 rounded-md bg-red-50 p-3 text-sm text-danger" data-testid="run-error">
            {run.error}
          </p>
        )}
      </Card>
      <RunNowButton
        organisationId={organisation.id}
        activeRunId={active ? run.id : null}
        disabledReason={hasRole(agent, "agent") ? null : "Viewers cannot start a sync."}
        rerunOf={run.id}
      />
      <RunRecords
        path={`/organisations/${organisation.id}/runs/${run.id}`}
        rows={records.rows}
        total={records.total}
        filter={filter}
      />
    </div>
  );
}
