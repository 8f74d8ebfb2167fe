import { z } from "zod";
import { CompareForm } from "@/components/versions/compare-form";
import { VersionDiff } from "@/components/versions/version-diff";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { pageOrganisation } from "@/lib/organisations/page-organisation";
import { diffConfigs } from "@/lib/sync/config-diff";
import { configVersion } from "@/lib/sync/config-store";
import { listConfigAudit, listVersions } from "@/lib/versions/queries";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ organisationId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

const versionParam = z.coerce.number().int().min(1).optional().catch(undefined);

export default async function VersionsPage({ params, searchParams }: Props) {
  await requirePageAgent();
  const organisation = await pageOrganisation((await params).organisationId);
  const [versions, audit] = await Promise.all([
    listVersions(db(), organisation.id),
    listConfigAudit(db(), organisation.id),
  ]);
  const query = await searchParams;
  const numbers = versions.map((v) => v.version);
  const latest = numbers[0] ?? 0;
  const to = numbers.includes(versionParam.parse(query.to) ?? -1)
    ? versionParam.parse(query.to)!
    : latest;
  const fromWanted = versionParam.parse(query.from) ?? Math.max(1, latest - 1);
  const from = numbers.includes(fromWanted) ? fromWanted : to;
  const [a, b] = await Promise.all([
    configVersion(db(), organisation.id, from),
    configVersion(db(), organisation.id, to),
  ]);

  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Config versions</h2>
      {versions.length === 0 ? (
        <p className="text-sm text-muted-foreground">No version saved yet.</p>
      ) : (
        <>
          <table className="w-full text-left text-sm" data-testid="versions-table">
            <caption className="sr-only">Saved versions, newest first</caption>
            <thead className="border-b border-border text-muted-foreground">
              <tr>
                <th scope="col" className="py-2">
                  Version
                </th>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} className="border-b border-border">
                  <td className="py-2">{v.version}</td>
                  <td>{formatDateTime(v.createdAt)}</td>
                  <td>{v.agentEmail ?? "command line"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Card className="space-y-4">
            <CardTitle>Compare two versions</CardTitle>
            <CompareForm
              path={`/organisations/${organisation.id}/versions`}
              versions={numbers}
              from={from}
              to={to}
            />
            {a && b && (
              <VersionDiff changes={diffConfigs(a.config, b.config)} from={from} to={to} />
            )}
          </Card>
          <Card className="space-y-2">
            <CardTitle>History</CardTitle>
            <ul className="space-y-1 text-sm">
              {audit.map((event) => {
                const detail = event.detail as { version?: number; changes?: unknown[] };
                return (
                  <li key={event.id}>
                    {formatDateTime(event.createdAt)}: {event.agentEmail ?? "command line"} saved
                    version {detail.version} ({detail.changes?.length ?? 0} answers changed)
                  </li>
                );
              })}
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}
