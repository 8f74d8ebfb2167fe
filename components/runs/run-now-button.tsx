"use client";

import { useState, useTransition } from "react";
import { RunProgress } from "@/components/runs/run-progress";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { rerunAction, runNowAction } from "@/lib/actions/runs/run-now";

type Props = {
  organisationId: string;
  /** The run going when the page was rendered, so its progress shows at once. */
  activeRunId: string | null;
  /** Why this agent cannot start a run here, or null when they can. */
  disabledReason: string | null;
  /** Re-run from a run's page instead of a plain "Run now". */
  rerunOf?: string;
};

export function RunNowButton({ organisationId, activeRunId, disabledReason, rerunOf }: Props) {
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [runId, setRunId] = useState(activeRunId);
  const [message, setMessage] = useState<string | null>(null);

  const start = () =>
    startTransition(async () => {
      setMessage(null);
      const result = rerunOf
        ? await rerunAction({ runId: rerunOf })
        : await runNowAction({ organisationId });
      if (result.ok) setRunId(result.data.runId);
      else setMessage(result.error);
    });

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <Button onClick={start} disabled={!hydrated || pending || disabledReason !== null}>
          {pending ? "Starting…" : rerunOf ? "Run again" : "Run now"}
        </Button>
        {disabledReason && <span className="text-sm text-muted-foreground">{disabledReason}</span>}
      </div>
      {message && (
        <p role="status" data-testid="run-message" className="text-sm text-danger">
          {message}
        </p>
      )}
      {runId && <RunProgress key={runId} organisationId={organisationId} runId={runId} />}
    </div>
  );
}
