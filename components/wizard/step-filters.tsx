"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { emptyRule, FilterGroup } from "@/components/wizard/filter-group";
import { StepFrame } from "@/components/wizard/step-frame";
import type { SyncConfig } from "@/lib/sync/config";

export function StepFilters() {
  const { control } = useFormContext<SyncConfig>();
  const groups = useFieldArray({ control, name: "filters.groups" });

  return (
    <StepFrame
      title="2. Contact filters"
      question="Which contacts should sync?"
      help={
        <>
          With no filters every contact syncs. Rules in one group must all match (AND); a contact
          syncs when any group matches (OR). Text is compared without regard to case, as Salesforce
          does; picklist fields offer their values.
        </>
      }
    >
      {groups.fields.length === 0 && (
        <p className="text-sm" data-testid="no-filters">
          No filters: every contact syncs.
        </p>
      )}
      {groups.fields.map((group, g) => (
        <div key={group.id} className="space-y-2">
          {g > 0 && <p className="text-sm font-semibold uppercase text-muted-foreground">or</p>}
          <FilterGroup group={g} onRemove={() => groups.remove(g)} />
        </div>
      ))}
      <Button
        type="button"
        variant="secondary"
        onClick={() => groups.append({ rules: [emptyRule()] })}
      >
        {groups.fields.length === 0 ? "Add a filter" : "Add another group (OR)"}
      </Button>
    </StepFrame>
  );
}
