"use server";

import { z } from "zod";
import { runAction, UserFacingError } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { requireOrganisation } from "@/lib/organisations/require-organisation";
import { parseSyncConfig } from "@/lib/sync/config";
import { currentConfig } from "@/lib/sync/config-store";
import { fieldErrorsFromIssues } from "@/lib/sync/issues";
import { launchPreview } from "@/lib/sync/launch-preview";
import { createPreview, dropOldPreviews } from "@/lib/sync/preview-store";

const previewSchema = z.object({
  organisationId: z.uuid(),
  /** Unsaved wizard answers; without them the saved config is previewed. */
  config: z.unknown().optional(),
});

async function configToPreview(organisationId: string, answers: unknown) {
  if (answers !== undefined) {
    const parsed = parseSyncConfig(answers);
    if (!parsed.ok) {
      throw new UserFacingError(
        "Some answers need fixing before they can be previewed.",
        fieldErrorsFromIssues(parsed.issues),
      );
    }
    return { config: parsed.config, configVersion: null };
  }
  const saved = await currentConfig(db(), organisationId);
  if (!saved) {
    throw new UserFacingError(
      "There is no saved sync config to preview: answer the questions first.",
    );
  }
  return { config: saved.config, configVersion: saved.version };
}

/** Starts computing a preview and returns at once; the preview page follows its progress. */
export async function startPreviewAction(input: z.input<typeof previewSchema>) {
  return runAction("agent", previewSchema, input, async (data, agent) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    const target = await configToPreview(organisation.id, data.config);

    await dropOldPreviews(db());
    const preview = await createPreview(db(), {
      organisationId: organisation.id,
      agentId: agent.id,
      ...target,
    });
    launchPreview(db(), preview);
    return { previewId: preview.id };
  });
}
