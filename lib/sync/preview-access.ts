import "server-only";
import type { Database } from "@/lib/db/client";
import { isUuid } from "@/lib/organisations/page-organisation";
import { findPreview } from "@/lib/sync/preview-store";

/** A preview named in a URL, only if it belongs to the organisation named beside it. */
export async function previewOfOrganisation(
  db: Database,
  organisationId: string,
  previewId: string,
) {
  if (!isUuid(previewId)) return null;
  const preview = await findPreview(db, previewId);
  return preview && preview.organisationId === organisationId ? preview : null;
}

export const noSuchPreview = () =>
  Response.json({ error: "This preview is gone; start a new one." }, { status: 404 });
