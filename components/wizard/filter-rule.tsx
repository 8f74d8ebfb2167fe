"use client";

import { type FieldPath, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/wizard/controls";
import { errorAt } from "@/components/wizard/error-at";
import { FieldRefInput } from "@/components/wizard/field-ref-input";
import { RuleValues } from "@/components/wizard/rule-values";
import { fieldId } from "@/components/wizard/steps";
import { useWizard } from "@/components/wizard/wizard-context";
import type { SyncConfig } from "@/lib/sync/config";
import {
  type MatchType,
  matchTypeArity,
  matchTypeLabels,
  matchTypes,
} from "@/lib/sync/config-rules";
import { findFieldOption } from "@/lib/sync/org-fields";
import { checkMatchFits } from "@/lib/sync/validate-rule";

type Props = { group: number; rule: number; onRemove: () => void };

export function FilterRule({ group, rule, onRemove }: Props) {
  const path = `filters.groups.${group}.rules.${rule}`;
  const { describes } = useWizard();
  const { register, setValue, getValues, formState } = useFormContext<SyncConfig>();
  const fieldRef = useWatch({ name: `${path}.field` as FieldPath<SyncConfig> }) as string;
  const match = useWatch({ name: `${path}.match` as FieldPath<SyncConfig> }) as MatchType;
  const field = describes && fieldRef ? findFieldOption(describes, fieldRef) : undefined;
  // Only the match types the field's type allows, plus the current one so nothing is lost.
  const offered = matchTypes.filter((m) => !field || m === match || !checkMatchFits(m, field));
  const matchName = `${path}.match` as FieldPath<SyncConfig>;
  const valuesName = `${path}.values` as FieldPath<SyncConfig>;

  const matchField = register(matchName, {
    onChange: (event) => {
      const values = (getValues(valuesName) as string[]) ?? [];
      const arity = matchTypeArity[event.target.value as MatchType];
      if (arity === "none") setValue(valuesName, []);
      if (arity === "one") setValue(valuesName, values.slice(0, 1));
    },
  });

  return (
    <fieldset className="space-y-3 rounded-md border border-border p-4">
      <legend className="px-1 text-sm font-medium">
        Rule {rule + 1} of group {group + 1}
      </legend>
      <div className="grid gap-3 md:grid-cols-[2fr_1fr_2fr]">
        <FieldRefInput name={`${path}.field`} label="Field" purpose="filter" />
        <FormField
          id={fieldId(matchName)}
          label="Match"
          error={errorAt(formState.errors, matchName)}
        >
          <Select {...matchField}>
            {offered.map((m) => (
              <option key={m} value={m}>
                {matchTypeLabels[m]}
              </option>
            ))}
          </Select>
        </FormField>
        <RuleValues key={`${match}-${field?.type ?? ""}`} path={path} match={match} field={field} />
      </div>
      <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
        Remove rule {rule + 1}
      </Button>
    </fieldset>
  );
}
