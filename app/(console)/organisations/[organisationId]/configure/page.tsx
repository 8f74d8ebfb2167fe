import { Wizard } from "@/components/wizard/wizard";
import { formatDateTime } from "@/components/ui/format";
import { hasRole, requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { pageOrganisation } from "@/lib/organisations/page-organisation";
import { listPositionNames } from "@/lib/organisations/positions";
import { defaultSyncConfig } from "@/lib/sync/config";
import { currentConfig } from "@/lib/sync/config-store";
import { draftAnswers } from "@/lib/sync/draft-answers";
import { loadDraft } from "@/lib/sync/drafts";
import { loadOrgDescribes } from "@/lib/sync/org-describes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organisationId: string }> };

export default async function ConfigurePage({ params }: Props) {
  const agent = await requirePageAgent();
  const organisation = await pageOrganisation((await params).organisationId);
  const canEdit = hasRole(agent, "agent");

  const [saved, draft, describes, positionNames] = await Promise.all([
    currentConfig(db(), organisation.id),
    canEdit ? loadDraft(db(), { organisationId: organisation.id, agentId: agent.id }) : null,
    loadOrgDescribes(db(), organisation.id),
    listPositionNames(db(), organisation.id),
  ]);
  const savedAnswers = saved?.config ?? defaultSyncConfig;

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">
        {saved ? `Version ${saved.version} is saved.` : "No config saved yet."}{" "}
        {draft
          ? `You have a draft from ${formatDateTime(draft.updatedAt)}; it opens where you left off.`
          : ""}
      </p>
      {!describes.ok && (
        <p className="text-sm text-danger" data-testid="describe-error">
          {describes.message}
        </p>
      )}
      <Wizard
        organisationId={organisation.id}
        initialAnswers={draft ? draftAnswers(draft.answers) : savedAnswers}
        savedAnswers={savedAnswers}
        initialStep={draft?.step ?? 0}
        describes={describes.ok ? describes.describes : null}
        positions={positionNames}
        currentVersion={saved?.version ?? null}
        draftSavedAt={draft ? formatDateTime(draft.updatedAt) : null}
        canEdit={canEdit}
      />
    </div>
  );
}
