import Link from "next/link";
import { notFound } from "next/navigation";
import { PeopleTable } from "@/components/people/people-table";
import { requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { connectionStatus } from "@/lib/organisations/overview";
import { isUuid, pageOrganisation } from "@/lib/organisations/page-organisation";
import { findCustomer, listPeople } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organisationId: string; customerId: string }> };

export default async function CustomerPage({ params }: Props) {
  await requirePageAgent();
  const { organisationId, customerId } = await params;
  const organisation = await pageOrganisation(organisationId);
  const customer = isUuid(customerId)
    ? await findCustomer(db(), organisation.id, customerId)
    : null;
  if (!customer) notFound();

  const [people, connection] = await Promise.all([
    listPeople(db(), customer.id),
    connectionStatus(db(), organisation.id),
  ]);
  const base = `/organisations/${organisation.id}/customers`;

  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">{customer.name}</h2>
      <p className="text-sm text-muted-foreground">
        {customer.salesforceAccountId
          ? `Salesforce account ${customer.salesforceAccountId}`
          : "Not linked to a Salesforce account"}
        {customer.parentId && (
          <>
            {" · part of "}
            <Link className="text-brand underline" href={`${base}/${customer.parentId}`}>
              {customer.parentName}
            </Link>
          </>
        )}
      </p>
      {customer.children.length > 0 && (
        <p className="text-sm">
          Customer group with{" "}
          {customer.children.map((child, i) => (
            <span key={child.id}>
              {i > 0 && ", "}
              <Link className="text-brand underline" href={`${base}/${child.id}`}>
                {child.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      <PeopleTable
        organisationId={organisation.id}
        people={people}
        instanceUrl={connection?.instanceUrl ?? null}
      />
    </div>
  );
}
