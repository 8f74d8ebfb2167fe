"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { PreviewFilters } from "@/components/preview/preview-filters";
import { PreviewRows } from "@/components/preview/preview-rows";
import { Button } from "@/components/ui/button";
import type { PreviewEntryRow } from "@/lib/sync/preview-entries";
import {
  PREVIEW_PAGE_SIZE,
  type PreviewFilter,
  previewFilterQuery,
} from "@/lib/sync/preview-filter";
import type { PreviewStatus } from "@/lib/sync/preview-json";

type EntriesPage = { rows: PreviewEntryRow[]; total: number; page: number };

async function fetchEntries(base: string, query: string): Promise<EntriesPage> {
  const response = await fetch(`${base}/entries?${query}`);
  if (!response.ok) throw new Error("This page of the preview could not be read.");
  return response.json();
}

/** The preview's entries, a page at a time from the server, searched and filtered there. */
export function PreviewTable({
  organisationId,
  preview,
}: {
  organisationId: string;
  preview: PreviewStatus;
}) {
  const [filter, setFilter] = useState<PreviewFilter>({
    page: 1,
    search: undefined,
    reason: undefined,
  });
  const deferred = useDeferredValue(filter);
  const base = `/api/organisations/${organisationId}/previews/${preview.id}`;
  const query = previewFilterQuery(deferred);
  const entries = useQuery({
    queryKey: ["preview-entries", preview.id, query],
    queryFn: () => fetchEntries(base, query),
    placeholderData: keepPreviousData,
  });
  const total = entries.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE));
  const { page: _page, ...csvFilter } = deferred;

  return (
    <div className="space-y-3">
      <PreviewFilters
        filter={filter}
        customers={preview.customers}
        onChange={(next) => setFilter({ ...next, page: 1 })}
      />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p role="status" data-testid="preview-total">
          {total.toLocaleString("en-US")} {total === 1 ? "entry" : "entries"}
          {entries.isFetching ? " (loading…)" : ""}
        </p>
        <a
          className="text-brand underline"
          href={`${base}/csv?${previewFilterQuery(csvFilter)}`}
          download
        >
          Export these entries as CSV
        </a>
      </div>
      {entries.error && <p className="text-sm text-danger">{entries.error.message}</p>}
      <PreviewRows
        rows={entries.data?.rows ?? []}
        caption="What a sync would do, contact by contact"
      />
      <nav aria-label="Preview pages" className="flex items-center gap-3 text-sm">
        <Button
          variant="secondary"
          size="sm"
          disabled={filter.page <= 1}
          onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
        >
          Previous page
        </Button>
        <span>
          Page {filter.page} of {pages}
        </span>
        <Button
          variant="secondary"
          size="sm"
          disabled={filter.page >= pages}
          onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
        >
          Next page
        </Button>
      </nav>
    </div>
  );
}
