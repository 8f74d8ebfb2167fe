import { guardRoute } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { noSuchPreview, previewOfOrganisation } from "@/lib/sync/preview-access";
import { previewCustomers } from "@/lib/sync/preview-entries";
import { previewStatusOf } from "@/lib/sync/preview-json";

type Context = { params: Promise<{ organisationId: string; previewId: string }> };

/** A preview's progress, then its counts, warnings and customers once it is ready. */
export async function GET(_request: Request, context: Context) {
  const agent = await guardRoute("viewer");
  if (agent instanceof Response) return agent;

  const { organisationId, previewId } = await context.params;
  const preview = await previewOfOrganisation(db(), organisationId, previewId);
  if (!preview) return noSuchPreview();

  const customers = preview.status === "ready" ? await previewCustomers(db(), preview.id) : [];
  return Response.json(previewStatusOf(preview, customers));
}
