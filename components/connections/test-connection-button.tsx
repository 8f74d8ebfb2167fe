"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { testConnectionAction } from "@/lib/actions/connection/save-connection";

export function TestConnectionButton({
  organisationId,
  disabled,
}: {
  organisationId: string;
  disabled: boolean;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const test = () =>
    startTransition(async () => {
      const outcome = await testConnectionAction({ organisationId });
      setResult(outcome.ok ? outcome.data : { ok: false, message: outcome.error });
      router.refresh();
    });

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={test} disabled={!hydrated || pending || disabled}>
        {pending ? "Testing…" : "Test connection"}
      </Button>
      {result && (
        <p
          role="status"
          data-testid="test-connection-result"
          className={result.ok ? "text-sm text-green-800" : "text-sm text-danger"}
        >
          {result.message}
        </p>
      )}
    </div>
  );
}
