import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { authOptions } from "@/lib/auth/options";
import { env, oidcSettings } from "@/lib/env";

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

// Only same-site paths are followed after sign-in.
function safeCallback(url: string | undefined) {
  return url?.startsWith("/") && !url.startsWith("//") ? url : "/organisations";
}

export default async function SignInPage({ searchParams }: Props) {
  const session = await getServerSession(authOptions());
  const { callbackUrl } = await searchParams;
  if ((session as { agentId?: string } | null)?.agentId) redirect(safeCallback(callbackUrl));

  const settings = env();
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted p-6">
      <Card className="w-full max-w-sm space-y-6">
        <div>
          <h1 className="text-xl font-semibold">Contact Sync Console</h1>
          <p className="text-sm text-muted-foreground">Sign in with your support agent account.</p>
        </div>
        <SignInForm
          credentials={settings.AUTH_CREDENTIALS === "on"}
          oidc={oidcSettings(settings) !== undefined}
          callbackUrl={safeCallback(callbackUrl)}
        />
      </Card>
    </main>
  );
}
