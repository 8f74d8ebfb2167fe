import { guardRoute } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/organisations/page-organisation";
import { findRun } from "@/lib/runs/queries";

type Context = { params: Promise<{ organisationId: string; runId: string }> };

/** A run's progress, polled by the progress bar. */
export async function GET(_request: Request, context: Context) {
  const agent = await guardRoute("viewer");
  if (agent instanceof Response) return agent;

  const { organisationId, runId } = await context.params;
  const run = isUuid(runId) ? await findRun(db(), runId) : null;
  if (!run || run.organisationId !== organisationId) {
    return Response.json({ error: "No such run." }, { status: 404 });
  }
  return Response.json({
    id: run.id,
    status: run.status,
    phase: run.phase,
    processed: run.processed,
    total: run.total,
    counts: run.counts,
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  });
}
