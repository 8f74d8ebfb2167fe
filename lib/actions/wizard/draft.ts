"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { requireOrganisation } from "@/lib/organisations/require-organisation";
import { deleteDraft, saveDraft } from "@/lib/sync/drafts";

const draftSchema = z.object({
  organisationId: z.uuid(),
  // A draft may be half done, so its answers are not checked, only kept to a sane size.
  answers: z
    .unknown()
    .refine(
      (answers) => JSON.stringify(answers ?? null).length <= 200_000,
      "This draft is too large to keep.",
    ),
  // The wizard has seven steps: the six questions and the review.
  step: z.number().int().min(0).max(6),
});

export async function saveDraftAction(input: z.input<typeof draftSchema>) {
  return runAction("agent", draftSchema, input, async (data, agent) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    const saved = await saveDraft(db(), {
      organisationId: organisation.id,
      agentId: agent.id,
      answers: data.answers ?? null,
      step: data.step,
    });
    return { savedAt: saved.updatedAt.toISOString() };
  });
}

export async function discardDraftAction(input: { organisationId: string }) {
  return runAction("agent", z.object({ organisationId: z.uuid() }), input, async (data, agent) => {
    await deleteDraft(db(), { organisationId: data.organisationId, agentId: agent.id });
    return { discarded: true };
  });
}
