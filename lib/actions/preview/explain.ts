"use server";

import { z } from "zod";
import { runAction, UserFacingError } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { requireOrganisation } from "@/lib/organisations/require-organisation";
import type { SyncConfig } from "@/lib/sync/config";
import { currentConfig } from "@/lib/sync/config-store";
import { SyncError } from "@/lib/sync/errors";
import { explainOneContact, searchContacts } from "@/lib/sync/explain-lookup";
import { previewOfOrganisation } from "@/lib/sync/preview-access";
import { openContactSource } from "@/lib/sync/salesforce-source";

const baseSchema = z.object({ organisationId: z.uuid(), previewId: z.uuid().optional() });

// Explanations follow the preview on screen when there is one, else the saved config.
async function configOf(
  organisationId: string,
  previewId: string | undefined,
): Promise<SyncConfig> {
  if (previewId) {
    const preview = await previewOfOrganisation(db(), organisationId, previewId);
    if (preview) return preview.config as SyncConfig;
  }
  const saved = await currentConfig(db(), organisationId);
  if (!saved) throw new UserFacingError("There is no config to explain against yet.");
  return saved.config;
}

async function withSalesforce<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof SyncError ||
      (error instanceof Error && error.name === "SalesforceError")
    ) {
      throw new UserFacingError(error.message);
    }
    throw error;
  }
}

const searchSchema = baseSchema.extend({
  term: z
    .string()
    .trim()
    .min(2, "Type at least two letters of a name or email, or an Id.")
    .max(200),
});

export async function searchContactsAction(input: z.input<typeof searchSchema>) {
  return runAction("agent", searchSchema, input, async (data) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    return withSalesforce(async () =>
      searchContacts(await openContactSource(db(), organisation.id), data.term),
    );
  });
}

const explainSchema = baseSchema.extend({
  contactId: z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, "That is not a Salesforce Id."),
});

export async function explainContactAction(input: z.input<typeof explainSchema>) {
  return runAction("agent", explainSchema, input, async (data) => {
    const organisation = await requireOrganisation(db(), data.organisationId);
    const config = await configOf(organisation.id, data.previewId);
    const explanation = await withSalesforce(async () =>
      explainOneContact({
        db: db(),
        organisation,
        config,
        source: await openContactSource(db(), organisation.id),
        contactId: data.contactId,
      }),
    );
    return {
      lines: explanation.lines,
      outcomes: explanation.entries.map((entry) => ({
        outcome: entry.outcome,
        customer: entry.customer?.name ?? null,
      })),
    };
  });
}
