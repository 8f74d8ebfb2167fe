"use server";

import { z } from "zod";
import { runAction, UserFacingError } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { scheduleKind } from "@/lib/db/schema";
import { requireOrganisation } from "@/lib/organisations/require-organisation";
import { ScheduleError } from "@/lib/schedules/errors";
import {
  pauseSchedule,
  resumeSchedule,
  setSchedule,
  setScheduleInput,
} from "@/lib/schedules/schedule-store";

async function asAgentError<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScheduleError) throw new UserFacingError(error.message);
    throw error;
  }
}

/** Sets how often the organisation syncs on its own; the next run time comes back. */
export async function saveScheduleAction(input: unknown) {
  return runAction("agent", setScheduleInput, input, async (data, agent) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    const saved = await asAgentError(() =>
      setSchedule(db(), { ...data, organisationId: organisation.id, agentId: agent.id }),
    );
    return { nextRunAt: saved.nextRunAt?.toISOString() ?? null };
  });
}

const pausedInput = z.object({
  organisationId: z.uuid(),
  kind: z.enum(scheduleKind.enumValues),
  paused: z.boolean(),
});

/** Pause or resume one schedule: one click each way. */
export async function setSchedulePausedAction(input: unknown) {
  return runAction("agent", pausedInput, input, async (data, agent) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    const key = { organisationId: organisation.id, kind: data.kind };
    const saved = await asAgentError(() =>
      data.paused ? pauseSchedule(db(), key, agent.id) : resumeSchedule(db(), key, agent.id),
    );
    return { paused: saved.paused };
  });
}
