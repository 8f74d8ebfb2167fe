import Link from "next/link";
import { TestConnectionButton } from "@/components/connections/test-connection-button";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { ConnectionStatus } from "@/lib/organisations/overview";

type Props = { organisationId: string; connection: ConnectionStatus | null; canTest: boolean };

export function ConnectionCard({ organisationId, connection, canTest }: Props) {
  return (
    <Card className="space-y-3">
      <CardTitle>Salesforce connection</CardTitle>
      {connection ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Login URL</dt>
          <dd>{connection.loginUrl}</dd>
          <dt className="text-muted-foreground">Last test</dt>
          <dd data-testid="connection-test-state">
            {connection.lastTestedAt
              ? `${connection.lastTestOk ? "Worked" : "Failed"} at ${formatDateTime(connection.lastTestedAt)}`
              : "Never tested"}
          </dd>
          {connection.lastTestMessage && (
            <>
              <dt className="text-muted-foreground">Result</dt>
              <dd>{connection.lastTestMessage}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="text-sm text-muted-foreground">Not connected to Salesforce yet.</p>
      )}
      <div className="flex flex-wrap items-start gap-3">
        {connection && <TestConnectionButton organisationId={organisationId} disabled={!canTest} />}
        <Link
          href={`/organisations/${organisationId}/connection`}
          className="inline-flex h-10 items-center text-sm text-brand underline"
        >
          {connection ? "Connection details" : "Connect Salesforce"}
        </Link>
      </div>
    </Card>
  );
}
