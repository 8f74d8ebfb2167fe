import "server-only";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { lazySource } from "@/lib/sync/lazy-source";
import { computePreview } from "@/lib/sync/preview-store";
import { openContactSource } from "@/lib/sync/salesforce-source";

/** Computes a preview in the background; the page follows its progress and then pages it. */
export function launchPreview(db: Database, preview: { id: string; organisationId: string }) {
  const source = lazySource(() => openContactSource(db, preview.organisationId));
  void computePreview(db, preview.id, source).catch((error: unknown) => {
    logger().error({ err: error, previewId: preview.id }, "preview could not be computed");
  });
}
