import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { requirePageAgent } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { pageOrganisation } from "@/lib/organisations/page-organisation";
import { listCustomers } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ organisationId: string }>;
  searchParams: Promise<{ search?: string }>;
};

export default async function CustomersPage({ params, searchParams }: Props) {
  await requirePageAgent();
  const organisation = await pageOrganisation((await params).organisationId);
  const search = (await searchParams).search?.trim().slice(0, 200) || undefined;
  const customers = await listCustomers(db(), organisation.id, search);
  const base = `/organisations/${organisation.id}/customers`;

  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Customers</h2>
      <form
        method="get"
        action={base}
        role="search"
        aria-label="Find a customer"
        className="flex items-end gap-3"
      >
        <FormField id="customer-search" label="Customer name">
          <Input name="search" type="search" defaultValue={search ?? ""} className="w-72" />
        </FormField>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <table className="w-full text-left text-sm" data-testid="customers-table">
        <caption className="sr-only">Customers and their People</caption>
        <thead className="border-b border-border text-muted-foreground">
          <tr>
            <th scope="col" className="py-2">
              Customer
            </th>
            <th scope="col">Parent</th>
            <th scope="col">Salesforce account</th>
            <th scope="col">Synced</th>
            <th scope="col">Manual</th>
            <th scope="col">Archived</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id} className="border-b border-border">
              <td className="py-2">
                <Link className="text-brand underline" href={`${base}/${customer.id}`}>
                  {customer.name}
                </Link>
              </td>
              <td>{customer.parentName ?? "—"}</td>
              <td className="font-mono text-xs">{customer.salesforceAccountId ?? "not linked"}</td>
              <td>{customer.synced}</td>
              <td>{customer.manual}</td>
              <td>{customer.archived}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
