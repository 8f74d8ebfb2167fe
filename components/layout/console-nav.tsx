import Link from "next/link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import type { Agent } from "@/lib/db/schema";

const links = [{ href: "/organisations", label: "Organisations" }];

export function ConsoleNav({ agent }: { agent: Pick<Agent, "email" | "role"> }) {
  return (
    <header className="border-b border-border bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-6 px-6"
      >
        <div className="flex items-center gap-6">
          <Link href="/organisations" className="font-semibold">
            Contact Sync Console
          </Link>
          <ul className="flex gap-4 text-sm">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-muted-foreground hover:text-zinc-900">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="signed-in-agent">
            {agent.email} <span className="text-muted-foreground">({agent.role})</span>
          </span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
