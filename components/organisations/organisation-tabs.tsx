"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const tabs = [
  { path: "", label: "Overview" },
  { path: "/connection", label: "Salesforce connection" },
  { path: "/configure", label: "Sync config" },
  { path: "/preview", label: "Preview" },
  { path: "/versions", label: "Versions" },
  { path: "/runs", label: "Runs" },
  { path: "/customers", label: "Customers" },
];

export function OrganisationTabs({ organisationId }: { organisationId: string }) {
  const pathname = usePathname();
  const base = `/organisations/${organisationId}`;

  return (
    <nav aria-label="Organisation" className="border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {tabs.map((tab) => {
          const href = `${base}${tab.path}`;
          const current = tab.path === "" ? pathname === base : pathname.startsWith(href);
          return (
            <li key={tab.path}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-2",
                  current
                    ? "border-brand font-medium text-brand"
                    : "border-transparent text-muted-foreground hover:text-zinc-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
