import Link from "next/link";
import type { ReactNode } from "react";
import { OrganisationTabs } from "@/components/organisations/organisation-tabs";
import { requirePageAgent } from "@/lib/auth/guard";
import { pageOrganisation } from "@/lib/organisations/page-organisation";

type Props = { children: ReactNode; params: Promise<{ organisationId: string }> };

export default async function OrganisationLayout({ children, params }: Props) {
  await requirePageAgent();
  const { organisationId } = await params;
  const organisation = await pageOrganisation(organisationId);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href="/organisations" className="text-sm text-muted-foreground hover:text-zinc-900">
          Organisations
        </Link>
        <h1 className="text-2xl font-semibold">{organisation.name}</h1>
      </header>
      <OrganisationTabs organisationId={organisation.id} />
      {children}
    </div>
  );
}
