import { runBlocker } from "@/components/runs/run-blocker";
import { RunNowButton } from "@/components/runs/run-now-button";
import { RunsTable } from "@/components/runs/runs-table";
import { hasRole, requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { pageOrganisation } from "@/lib/organisations/page-organisation";
import { listRuns } from "@/lib/runs/queries";
import { currentConfig } from "@/lib/sync/config-store";
import { activeRun } from "@/lib/sync/run";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organisationId: string }> };

export default async function RunsPage({ params }: Props) {
  const agent = await requirePageAgent();
  const organisation = await pageOrganisation((await params).organisationId);
  const [runs, running, config] = await Promise.all([
    listRuns(db(), organisation.id),
    activeRun(db(), organisation.id),
    currentConfig(db(), organisation.id),
  ]);

  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Runs</h2>
      <RunNowButton
        organisationId={organisation.id}
        activeRunId={running?.id ?? null}
        disabledReason={runBlocker(hasRole(agent, "agent"), config !== undefined)}
      />
      <RunsTable organisationId={organisation.id} runs={runs} />
    </div>
  );
}
