import Link from "next/link";
import { HealthBadge } from "@/components/organisations/health-badge";
import { Card } from "@/components/ui/card";
import { requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { organisationsHealth } from "@/lib/health/organisation-health";
import { listOrganisations } from "@/lib/organisations/queries";

export const dynamic = "force-dynamic";

export default async function OrganisationsPage() {
  await requirePageAgent();
  const organisations = await listOrganisations(db());
  const health = await organisationsHealth(
    db(),
    organisations.map((org) => org.id),
  );

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Organisations</h1>
      {organisations.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-medium">No organisations yet</h2>
          <p className="mt-2 text-sm text-muted-foreground">
            Import one with <code>npm run cli -- org import FILE</code>; the embedded default seeds
            a demo organisation on start.
          </p>
        </Card>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-border text-muted-foreground">
            <tr>
              <th scope="col" className="py-2">
                Organisation
              </th>
              <th scope="col">Customers</th>
              <th scope="col">Salesforce</th>
              <th scope="col">Health</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((org) => (
              <tr key={org.id} className="border-b border-border">
                <td className="py-2">
                  <Link href={`/organisations/${org.id}`} className="font-medium text-brand">
                    {org.name}
                  </Link>
                </td>
                <td>{org.customerCount}</td>
                <td>{org.connected ? "Connected" : "Not connected"}</td>
                <td>{health.get(org.id) && <HealthBadge health={health.get(org.id)!} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
