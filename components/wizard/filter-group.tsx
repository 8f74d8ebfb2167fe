"use client";

import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { errorAt } from "@/components/wizard/error-at";
import { FilterRule } from "@/components/wizard/filter-rule";
import type { SyncConfig } from "@/lib/sync/config";
import { useFormContext } from "react-hook-form";

export const emptyRule = () => ({ field: "", match: "equals" as const, values: [] as string[] });

export function FilterGroup({ group, onRemove }: { group: number; onRemove: () => void }) {
  const { control, formState } = useFormContext<SyncConfig>();
  const rules = useFieldArray({ control, name: `filters.groups.${group}.rules` });
  const error = errorAt(formState.errors, `filters.groups.${group}.rules`);

  return (
    <section
      aria-labelledby={`filter-group-${group}`}
      className="space-y-3 rounded-lg bg-muted/60 p-4"
    >
      <h3 id={`filter-group-${group}`} className="font-medium">
        Group {group + 1}: a contact matches when every rule below matches
      </h3>
      {rules.fields.map((rule, r) => (
        <FilterRule key={rule.id} group={group} rule={r} onRemove={() => rules.remove(r)} />
      ))}
      {error && <p className="text-sm text-danger">{error}</p>}
      <div className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => rules.append(emptyRule())}
        >
          Add a rule to group {group + 1}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
          Remove group {group + 1}
        </Button>
      </div>
    </section>
  );
}
