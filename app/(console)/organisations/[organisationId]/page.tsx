import { ConfigCard } from "@/components/organisations/config-card";
import { ConnectionCard } from "@/components/organisations/connection-card";
import { HealthBadge } from "@/components/organisations/health-badge";
import { RunsCard } from "@/components/organisations/runs-card";
import { ScheduleCard } from "@/components/schedules/schedule-card";
import { hasRole, requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { loadOverview } from "@/lib/organisations/overview";
import { pageOrganisation } from "@/lib/organisations/page-organisation";
import { ruleOf } from "@/lib/schedules/schedule-rule";
import { listSchedules } from "@/lib/schedules/schedule-store";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organisationId: string }> };

export default async function OrganisationOverviewPage({ params }: Props) {
  const agent = await requirePageAgent();
  const organisation = await pageOrganisation((await params).organisationId);
  const overview = await loadOverview(db(), organisation);
  const schedules = (await listSchedules(db(), organisation.id)).map((s) => ({
    kind: s.kind,
    description: s.description,
    paused: s.paused,
    nextRunAt: s.nextRunAt?.toISOString() ?? null,
    rule: ruleOf(s),
  }));

  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <h2 className="text-xl font-semibold">Overview</h2>
        <HealthBadge health={overview.health} />
        {"reason" in overview.health && (
          <span className="text-sm text-muted-foreground">{overview.health.reason}</span>
        )}
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <ConnectionCard
          organisationId={organisation.id}
          connection={overview.connection}
          canTest={hasRole(agent, "agent")}
        />
        <RunsCard
          organisationId={organisation.id}
          lastRun={overview.lastRun}
          activeRunId={overview.activeRun?.id ?? null}
          canRun={hasRole(agent, "agent")}
          configured={overview.config !== null}
          nextScheduled={overview.nextScheduled}
        />
      </div>
      <ScheduleCard
        organisationId={organisation.id}
        timeZone={organisation.timeZone}
        schedules={schedules}
        canEdit={hasRole(agent, "agent")}
      />
      <ConfigCard organisationId={organisation.id} config={overview.config} />
    </div>
  );
}
