import { ConnectionForm } from "@/components/connections/connection-form";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { hasRole, requirePageAgent } from "@/lib/auth/guard";
import { connectionFormDefaults } from "@/lib/connections/connection-form";
import { db } from "@/lib/db/client";
import { connectionStatus } from "@/lib/organisations/overview";
import { pageOrganisation } from "@/lib/organisations/page-organisation";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organisationId: string }> };

export default async function ConnectionPage({ params }: Props) {
  const agent = await requirePageAgent();
  const organisation = await pageOrganisation((await params).organisationId);
  const connection = await connectionStatus(db(), organisation.id);

  return (
    <Card className="max-w-2xl space-y-4">
      <CardTitle>Connect Salesforce</CardTitle>
      <p className="text-sm text-muted-foreground">
        The console reads the organisation&apos;s Salesforce Contacts with these credentials. They
        are tested before they are saved, stored encrypted, and never shown again.
      </p>
      {connection && (
        <p className="text-sm" data-testid="secrets-saved">
          Credentials saved {formatDateTime(connection.secretsUpdatedAt)}.
        </p>
      )}
      <ConnectionForm
        organisationId={organisation.id}
        defaults={connectionFormDefaults(connection)}
        secretsSavedAt={connection ? formatDateTime(connection.secretsUpdatedAt) : null}
        canEdit={hasRole(agent, "admin")}
      />
    </Card>
  );
}
