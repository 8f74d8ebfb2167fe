import { guardRoute } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { noSuchPreview, previewOfOrganisation } from "@/lib/sync/preview-access";
import { listPreviewEntries } from "@/lib/sync/preview-entries";
import { previewFilterSchema } from "@/lib/sync/preview-filter";

type Context = { params: Promise<{ organisationId: string; previewId: string }> };

/** One page of a preview's table: searched and filtered on the server. */
export async function GET(request: Request, context: Context) {
  const agent = await guardRoute("viewer");
  if (agent instanceof Response) return agent;

  const { organisationId, previewId } = await context.params;
  const preview = await previewOfOrganisation(db(), organisationId, previewId);
  if (!preview) return noSuchPreview();

  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filter = previewFilterSchema.parse(query);
  return Response.json({
    ...(await listPreviewEntries(db(), preview.id, filter)),
    page: filter.page,
  });
}
