import "server-only";
import { confirmRun } from "@/lib/health/confirm-run";
import { sendRunJob, type RunQueue } from "@/lib/jobs/enqueue-run";

/** Confirms a run held as a mass removal (typed organisation name) and queues it again. */
export async function confirmAndEnqueue(
  queue: RunQueue,
  input: { runId: string; typedName: string; agentId: string | null },
) {
  const run = await confirmRun(queue.db, input.runId, input.typedName, input.agentId);
  await sendRunJob(queue, run, "full");
  return run;
}
