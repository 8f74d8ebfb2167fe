"use server";

import { z } from "zod";
import { runAction, UserFacingError } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { requireOrganisation } from "@/lib/organisations/require-organisation";
import { parseSyncConfig } from "@/lib/sync/config";
import { saveConfig } from "@/lib/sync/config-store";
import { deleteDraft } from "@/lib/sync/drafts";
import { fieldErrorsFromIssues, hasErrors } from "@/lib/sync/issues";
import { loadOrgDescribes } from "@/lib/sync/org-describes";
import { validateConfig } from "@/lib/sync/validate";

const saveSchema = z.object({ organisationId: z.uuid(), config: z.unknown() });

/**
 * Saves the wizard's answers as the next config version, after the same checks the wizard ran:
 * the schema, then the org's live describe. Nothing is saved while any answer is wrong.
 */
export async function saveSyncConfigAction(input: z.input<typeof saveSchema>) {
  return runAction("agent", saveSchema, input, async (data, agent) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    const parsed = parseSyncConfig(data.config);
    if (!parsed.ok) {
      throw new UserFacingError(
        "Some answers need fixing; nothing was saved.",
        fieldErrorsFromIssues(parsed.issues),
      );
    }

    const describes = await loadOrgDescribes(db(), organisation.id);
    if (!describes.ok) {
      throw new UserFacingError(
        `The answers could not be checked against Salesforce, so nothing was saved: ${describes.message}`,
      );
    }
    const validated = validateConfig(parsed.config, describes.describes);
    if (hasErrors(validated.issues)) {
      throw new UserFacingError(
        "Some answers do not fit the org; nothing was saved.",
        fieldErrorsFromIssues(validated.issues),
      );
    }

    const result = await saveConfig(db(), {
      organisationId: organisation.id,
      config: validated.config,
      agentId: agent.id,
    });
    await deleteDraft(db(), { organisationId: organisation.id, agentId: agent.id });
    return { saved: result.saved, version: result.config.version };
  });
}
