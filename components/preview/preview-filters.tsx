"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/wizard/controls";
import type { Outcome } from "@/lib/sync/plan-types";
import { outcomeLabels, outcomes, type PreviewFilter } from "@/lib/sync/preview-filter";

type Props = {
  filter: PreviewFilter;
  customers: { id: string; name: string }[];
  onChange: (filter: PreviewFilter) => void;
};

export function PreviewFilters({ filter, customers, onChange }: Props) {
  return (
    <div role="search" aria-label="Filter the preview" className="grid gap-3 md:grid-cols-4">
      <FormField id="preview-search" label="Search name, email, Id or account">
        <Input
          type="search"
          value={filter.search ?? ""}
          onChange={(e) => onChange({ ...filter, search: e.target.value })}
        />
      </FormField>
      <FormField id="preview-outcome" label="Outcome">
        <Select
          value={filter.outcome ?? ""}
          onChange={(e) =>
            onChange({ ...filter, outcome: (e.target.value || undefined) as Outcome | undefined })
          }
        >
          <option value="">Every outcome</option>
          {outcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabels[outcome]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id="preview-customer" label="Customer">
        <Select
          value={filter.customerId ?? ""}
          onChange={(e) => onChange({ ...filter, customerId: e.target.value || undefined })}
        >
          <option value="">Every customer</option>
          {customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id="preview-reason" label="Reason contains">
        <Input
          value={filter.reason ?? ""}
          onChange={(e) => onChange({ ...filter, reason: e.target.value })}
        />
      </FormField>
    </div>
  );
}
