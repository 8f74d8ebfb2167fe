import { z } from "zod";
import type { Outcome } from "@/lib/sync/plan-types";

/** The preview table's filters, read from the query string by the route and built by the page. */

export const outcomes: Outcome[] = ["create", "update", "unchanged", "archive", "delete", "skip"];

export const outcomeLabels: Record<Outcome, string> = {
  create: "Create",
  update: "Update",
  unchanged: "Unchanged",
  archive: "Archive",
  delete: "Delete",
  skip: "Skip",
};

export const PREVIEW_PAGE_SIZE = 50;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));

export const previewFilterSchema = z.object({
  search: optionalText,
  outcome: z
    .enum(outcomes as [Outcome, ...Outcome[]])
    .optional()
    .catch(undefined),
  customerId: z.uuid().optional().catch(undefined),
  reason: optionalText,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type PreviewFilter = z.infer<typeof previewFilterSchema>;

export function previewFilterQuery(filter: Partial<PreviewFilter>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1)) {
      params.set(key, String(value));
    }
  }
  return params.toString();
}
