import type { ReactNode } from "react";
import { ConsoleNav } from "@/components/layout/console-nav";
import { Providers } from "@/components/providers";
import { requirePageAgent } from "@/lib/auth/guard";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const agent = await requirePageAgent();
  return (
    <>
      <ConsoleNav agent={agent} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <Providers>{children}</Providers>
      </main>
    </>
  );
}
