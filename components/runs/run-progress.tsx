"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { RunCounts, SyncRun } from "@/lib/db/schema";

type RunProgressData = Pick<
  SyncRun,
  "id" | "status" | "phase" | "processed" | "total" | "error"
> & {
  counts: RunCounts | null;
};

const ACTIVE = new Set(["queued", "running"]);

const phaseWords: Record<string, string> = {
  validating: "Checking the config against Salesforce",
  fetching: "Fetching contacts from Salesforce",
  planning: "Planning the changes",
  applying: "Writing People",
  done: "Done",
};

async function fetchRun(organisationId: string, runId: string): Promise<RunProgressData> {
  const response = await fetch(`/api/organisations/${organisationId}/runs/${runId}`);
  if (!response.ok) throw new Error("The run's progress could not be read.");
  return response.json();
}

/** Follows one run until it finishes, then refreshes the server-rendered page around it. */
export function RunProgress({ organisationId, runId }: { organisationId: string; runId: string }) {
  const router = useRouter();
  const { data, error } = useQuery({
    queryKey: ["run", runId],
    queryFn: () => fetchRun(organisationId, runId),
    refetchInterval: (query) =>
      !query.state.data || ACTIVE.has(query.state.data.status) ? 1_000 : false,
  });
  const finished = data !== undefined && !ACTIVE.has(data.status);

  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

  if (error) return <p className="text-sm text-danger">{error.message}</p>;
  if (!data) return <p className="text-sm text-muted-foreground">Starting the sync…</p>;

  const phase =
    data.status === "queued" ? "Waiting to start" : (phaseWords[data.phase ?? ""] ?? data.phase);
  return (
    <div className="space-y-2" data-testid="run-progress" data-status={data.status}>
      {!finished && (
        <ProgressBar
          label={`${phase}: ${data.processed.toLocaleString("en-US")}${data.total ? ` of ${data.total.toLocaleString("en-US")}` : ""} records`}
          value={data.processed}
          max={data.total ?? undefined}
        />
      )}
      {data.status === "succeeded" && (
        <p role="status" className="text-sm text-green-800">
          The sync finished.{" "}
          <Link
            className="text-brand underline"
            href={`/organisations/${organisationId}/runs/${runId}`}
          >
            See what it did
          </Link>
          .
        </p>
      )}
      {finished && data.status !== "succeeded" && (
        <p role="status" className="text-sm text-danger">
          The sync did not finish: {data.error ?? data.status}{" "}
          <Link
            className="text-brand underline"
            href={`/organisations/${organisationId}/runs/${runId}`}
          >
            Open the run
          </Link>
        </p>
      )}
    </div>
  );
}
