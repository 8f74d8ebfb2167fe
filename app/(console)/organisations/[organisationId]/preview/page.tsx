import { PreviewView } from "@/components/preview/preview-view";
import { hasRole, requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { pageOrganisation } from "@/lib/organisations/page-organisation";
import { currentConfig } from "@/lib/sync/config-store";
import { previewCustomers } from "@/lib/sync/preview-entries";
import { previewStatusOf } from "@/lib/sync/preview-json";
import { latestPreview } from "@/lib/sync/preview-store";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organisationId: string }> };

export default async function PreviewPage({ params }: Props) {
  const agent = await requirePageAgent();
  const organisation = await pageOrganisation((await params).organisationId);
  const [preview, saved] = await Promise.all([
    latestPreview(db(), organisation.id, agent.id),
    currentConfig(db(), organisation.id),
  ]);
  const customers = preview?.status === "ready" ? await previewCustomers(db(), preview.id) : [];

  return (
    <PreviewView
      organisationId={organisation.id}
      initial={preview ? previewStatusOf(preview, customers) : null}
      canPreview={hasRole(agent, "agent")}
      savedVersion={saved?.version ?? null}
    />
  );
}
