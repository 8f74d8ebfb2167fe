"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { ExplainPanel } from "@/components/preview/explain-panel";
import { PreviewCounts } from "@/components/preview/preview-counts";
import { FirstLook } from "@/components/preview/first-look";
import { PreviewTable } from "@/components/preview/preview-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useHydrated } from "@/components/ui/use-hydrated";
import { startPreviewAction } from "@/lib/actions/preview/start-preview";
import type { PreviewStatus } from "@/lib/sync/preview-json";

type Props = {
  organisationId: string;
  initial: PreviewStatus | null;
  canPreview: boolean;
  savedVersion: number | null;
};

const phaseWords: Record<string, string> = {
  validating: "Checking the config against Salesforce",
  fetching: "Fetching contacts",
  planning: "Planning",
  saving: "Preparing the table",
};

async function fetchStatus(organisationId: string, previewId: string): Promise<PreviewStatus> {
  const response = await fetch(`/api/organisations/${organisationId}/previews/${previewId}`);
  if (!response.ok)
    throw new Error((await response.json()).error ?? "The preview could not be read.");
  return response.json();
}

export function PreviewView({ organisationId, initial, canPreview, savedVersion }: Props) {
  const hydrated = useHydrated();
  const [previewId, setPreviewId] = useState(initial?.id ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const status = useQuery({
    queryKey: ["preview", previewId],
    queryFn: () => fetchStatus(organisationId, previewId!),
    enabled: previewId !== null,
    initialData: initial?.id === previewId ? (initial ?? undefined) : undefined,
    refetchInterval: (query) => (query.state.data?.status === "computing" ? 700 : false),
  });
  const preview = status.data;

  const start = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await startPreviewAction({ organisationId });
      if (result.ok) setPreviewId(result.data.previewId);
      else setMessage(result.error);
    });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={start}
          disabled={!hydrated || pending || !canPreview || savedVersion === null}
        >
          {savedVersion === null
            ? "No saved config to preview"
            : `Preview saved version ${savedVersion}`}
        </Button>
        <Link
          href={`/organisations/${organisationId}/configure`}
          className="text-sm text-brand underline"
        >
          Preview unsaved answers from the wizard
        </Link>
        {!canPreview && (
          <span className="text-sm text-muted-foreground">
            Viewers can read previews but not start them.
          </span>
        )}
      </div>
      {message && (
        <p role="status" className="text-sm text-danger">
          {message}
        </p>
      )}
      {!preview && !previewId && (
        <Card>
          <p className="text-sm">
            No preview yet. A preview shows exactly what a sync would do, and writes nothing.
          </p>
        </Card>
      )}
      {status.error && (
        <p role="status" className="text-sm text-danger">
          {status.error.message}
        </p>
      )}
      {preview && (
        <section
          aria-labelledby="preview-heading"
          className="space-y-4"
          data-testid="preview"
          data-status={preview.status}
        >
          <h2 id="preview-heading" className="text-xl font-semibold">
            Preview of{" "}
            {preview.configVersion ? `version ${preview.configVersion}` : "unsaved answers"}
            <span className="ml-2 text-sm font-normal text-muted-foreground">
              started {formatDateTime(preview.createdAt)}
            </span>
          </h2>
          {preview.status === "computing" && preview.firstLook.length > 0 && (
            <FirstLook rows={preview.firstLook} />
          )}
          {preview.status === "computing" && (
            <ProgressBar
              label={`${phaseWords[preview.phase ?? ""] ?? "Starting"}: ${preview.processed.toLocaleString("en-US")}${preview.total ? ` of ${preview.total.toLocaleString("en-US")}` : ""}`}
              value={preview.processed}
              max={preview.total ?? undefined}
            />
          )}
          {preview.status === "failed" && (
            <PreviewFailure organisationId={organisationId} preview={preview} />
          )}
          {preview.status === "ready" && preview.counts && (
            <>
              <PreviewCounts counts={preview.counts} />
              {preview.positionsToCreate.length > 0 && (
                <p className="text-sm">
                  A run would add the positions {preview.positionsToCreate.join(", ")}.
                </p>
              )}
              {preview.warnings.length > 0 && (
                <details className="text-sm">
                  <summary className="cursor-pointer">
                    {preview.warnings.length} phone number warnings
                  </summary>
                  <ul className="mt-2 list-disc space-y-1 pl-5">
                    {preview.warnings.slice(0, 100).map((w) => (
                      <li key={`${w.contactId}-${w.message}`}>{w.message}</li>
                    ))}
                  </ul>
                </details>
              )}
              <PreviewTable organisationId={organisationId} preview={preview} />
            </>
          )}
        </section>
      )}
      <ExplainPanel
        organisationId={organisationId}
        previewId={preview?.status === "ready" ? preview.id : null}
        canExplain={canPreview}
      />
    </div>
  );
}

function PreviewFailure({
  organisationId,
  preview,
}: {
  organisationId: string;
  preview: PreviewStatus;
}) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-danger p-4 text-sm">
      <p className="text-danger">{preview.error}</p>
      {preview.issues.length > 0 && (
        <ul className="list-disc pl-5">
          {preview.issues.map((issue) => (
            <li key={issue.path}>{issue.message}</li>
          ))}
        </ul>
      )}
      <Link href={`/organisations/${organisationId}/configure`} className="text-brand underline">
        Change the answers
      </Link>
    </div>
  );
}
