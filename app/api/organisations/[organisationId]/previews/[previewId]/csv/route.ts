import { guardRoute } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { noSuchPreview, previewOfOrganisation } from "@/lib/sync/preview-access";
import { previewCsvStream } from "@/lib/sync/preview-csv";
import { previewFilterSchema } from "@/lib/sync/preview-filter";

type Context = { params: Promise<{ organisationId: string; previewId: string }> };

/** The preview as CSV, with the same filters as the table, every page of it. */
export async function GET(request: Request, context: Context) {
  const agent = await guardRoute("viewer");
  if (agent instanceof Response) return agent;

  const { organisationId, previewId } = await context.params;
  const preview = await previewOfOrganisation(db(), organisationId, previewId);
  if (!preview || preview.status !== "ready") return noSuchPreview();

  const { page: _page, ...filter } = previewFilterSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const day = preview.createdAt.toISOString().slice(0, 10);
  return new Response(previewCsvStream(db(), preview.id, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="preview-${day}-${preview.id.slice(0, 8)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
