"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorAt } from "@/components/wizard/error-at";
import { useWizard } from "@/components/wizard/wizard-context";
import type { SyncConfig } from "@/lib/sync/config";
import { findFieldOption } from "@/lib/sync/org-fields";

/** Salesforce values of the position field, each mapped to one of the organisation's positions. */
export function ValueMap() {
  const { describes, positions } = useWizard();
  const { control, register, formState } = useFormContext<SyncConfig>();
  const mappings = useFieldArray({ control, name: "positions.valueMap" });
  const fieldRef = useWatch<SyncConfig, "positions.field">({ name: "positions.field" });
  const field = describes && fieldRef ? findFieldOption(describes, fieldRef) : undefined;
  const values = (field?.picklistValues ?? []).filter((option) => option.active);
  const error = errorAt(formState.errors, "positions.valueMap");

  return (
    <div className="space-y-3">
      <datalist id="position-field-values">
        {values.map((option) => (
          <option key={option.value} value={option.value} />
        ))}
      </datalist>
      <datalist id="position-names">
        {positions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {mappings.fields.map((mapping, i) => (
        <fieldset key={mapping.id} className="grid items-end gap-3 md:grid-cols-[1fr_1fr_auto]">
          <legend className="sr-only">Mapping {i + 1}</legend>
          <FormField
            id={`positions-valueMap-${i}-salesforceValue`}
            label={`Salesforce value ${i + 1}`}
            error={errorAt(formState.errors, `positions.valueMap.${i}.salesforceValue`)}
          >
            <Input
              list="position-field-values"
              autoComplete="off"
              {...register(`positions.valueMap.${i}.salesforceValue`)}
            />
          </FormField>
          <FormField
            id={`positions-valueMap-${i}-positionName`}
            label={`Position for value ${i + 1}`}
            error={errorAt(formState.errors, `positions.valueMap.${i}.positionName`)}
          >
            <Input
              list="position-names"
              autoComplete="off"
              {...register(`positions.valueMap.${i}.positionName`)}
            />
          </FormField>
          <Button type="button" variant="ghost" size="sm" onClick={() => mappings.remove(i)}>
            Remove mapping {i + 1}
          </Button>
        </fieldset>
      ))}
      {error && <p className="text-sm text-danger">{error}</p>}
      <Button
        type="button"
        variant="secondary"
        size="sm"
        onClick={() => mappings.append({ salesforceValue: "", positionName: "" })}
      >
        Add a value mapping
      </Button>
    </div>
  );
}
