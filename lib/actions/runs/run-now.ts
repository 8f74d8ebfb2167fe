"use server";

import { z } from "zod";
import { runAction, UserFacingError } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { enqueueRun } from "@/lib/jobs/enqueue-run";
import { sharedRunQueue } from "@/lib/jobs/shared-queue";
import { requireOrganisation } from "@/lib/organisations/require-organisation";
import { findRun } from "@/lib/runs/queries";
import { SyncError } from "@/lib/sync/errors";

// The run is a pg-boss job: a worker (in the console's process or `npm run worker`) executes it,
// so the request returns at once and the run survives this server restarting.
async function startAndLaunch(organisationId: string, agentId: string) {
  try {
    const queue = await sharedRunQueue();
    const run = await enqueueRun(queue, {
      organisationId,
      trigger: "manual",
      agentId,
      mode: "full",
    });
    return { runId: run.id };
  } catch (error) {
    if (error instanceof SyncError) throw new UserFacingError(error.message);
    throw error;
  }
}

/** Starts a sync of the current config and returns at once; the page polls its progress. */
export async function runNowAction(input: { organisationId: string }) {
  return runAction("agent", z.object({ organisationId: z.uuid() }), input, async (data, agent) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    return startAndLaunch(organisation.id, agent.id);
  });
}

/** Runs the organisation of an earlier run again, with the current config. */
export async function rerunAction(input: { runId: string }) {
  return runAction("agent", z.object({ runId: z.uuid() }), input, async (data, agent) => {
    const run = await findRun(db(), data.runId);
    if (!run) throw new UserFacingError("This run does not exist any more.");
    return startAndLaunch(run.organisationId, agent.id);
  });
}
