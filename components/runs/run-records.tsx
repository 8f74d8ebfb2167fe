import Link from "next/link";
import { OutcomeBadge } from "@/components/preview/outcome-badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/wizard/controls";
import { describeChange } from "@/lib/sync/explain-words";
import type { PersonChange } from "@/lib/sync/person-diff";
import type { Outcome } from "@/lib/sync/plan-types";
import { outcomeLabels, outcomes } from "@/lib/sync/preview-filter";
import { RUN_RECORDS_PAGE_SIZE } from "@/lib/runs/queries";

type Row = {
  seq: number;
  salesforceContactId: string | null;
  outcome: Outcome;
  reason: string | null;
  contactName: string | null;
  contactEmail: string | null;
  customerName: string | null;
  changes: PersonChange[] | null;
};

type Props = {
  path: string;
  rows: Row[];
  total: number;
  filter: { outcome?: Outcome; search?: string; page: number };
};

/** What a run did to each contact, filtered through the query string so it works without script. */
export function RunRecords({ path, rows, total, filter }: Props) {
  const pages = Math.max(1, Math.ceil(total / RUN_RECORDS_PAGE_SIZE));
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (filter.outcome) params.set("outcome", filter.outcome);
    if (filter.search) params.set("search", filter.search);
    params.set("page", String(page));
    return `${path}?${params}`;
  };

  return (
    <section aria-labelledby="records-heading" className="space-y-3">
      <h3 id="records-heading" className="text-lg font-semibold">
        Per-record outcomes
      </h3>
      <form
        method="get"
        action={path}
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Filter the records"
      >
        <FormField id="records-outcome" label="Outcome">
          <Select name="outcome" defaultValue={filter.outcome ?? ""} className="w-48">
            <option value="">Every outcome</option>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabels[o]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="records-search" label="Search name, email, Id or reason">
          <Input name="search" type="search" defaultValue={filter.search ?? ""} className="w-72" />
        </FormField>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <p className="text-sm" data-testid="records-total">
        {total.toLocaleString("en-US")} records
      </p>
      <table className="w-full text-left text-sm" data-testid="run-records">
        <caption className="sr-only">Per-record outcomes of this run</caption>
        <thead className="border-b border-border text-muted-foreground">
          <tr>
            <th scope="col" className="py-2">
              Contact
            </th>
            <th scope="col">Customer</th>
            <th scope="col">Outcome</th>
            <th scope="col">Why, and what changed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq} className="border-b border-border align-top">
              <td className="py-2">
                {row.contactName ?? row.salesforceContactId}
                <span className="block text-xs text-muted-foreground">
                  {[row.contactEmail, row.salesforceContactId].filter(Boolean).join(" · ")}
                </span>
              </td>
              <td>{row.customerName ?? "—"}</td>
              <td>
                <OutcomeBadge outcome={row.outcome} />
              </td>
              <td>
                {row.reason}
                {row.changes?.map((change) => (
                  <span key={describeChange(change)} className="block text-xs">
                    {describeChange(change)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Record pages" className="flex items-center gap-3 text-sm">
        {filter.page > 1 && (
          <Link className="text-brand underline" href={pageLink(filter.page - 1)}>
            Previous page
          </Link>
        )}
        <span>
          Page {filter.page} of {pages}
        </span>
        {filter.page < pages && (
          <Link className="text-brand underline" href={pageLink(filter.page + 1)}>
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}
