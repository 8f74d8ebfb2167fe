"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Checkbox, ChoiceGroup, Textarea } from "@/components/wizard/controls";
import { errorAt } from "@/components/wizard/error-at";
import { FieldRefInput } from "@/components/wizard/field-ref-input";
import { StepFrame } from "@/components/wizard/step-frame";
import type { SyncConfig } from "@/lib/sync/config";

export function StepAdditional() {
  const { control, register, formState } = useFormContext<SyncConfig>();
  const mappings = useFieldArray({ control, name: "additional.customFieldMappings" });
  const error = (path: string) => errorAt(formState.errors, path);

  return (
    <StepFrame
      title="6. Additional requirements"
      question="Anything else the client needs?"
      help="Copy extra Salesforce fields into custom fields on the person, decide which contacts are skipped, and what happens to People whose contact stops matching."
    >
      <section aria-labelledby="custom-fields-heading" className="space-y-3">
        <h3 id="custom-fields-heading" className="font-medium">
          Custom fields
        </h3>
        {mappings.fields.map((mapping, i) => (
          <fieldset key={mapping.id} className="grid items-end gap-3 md:grid-cols-[1fr_1fr_auto]">
            <legend className="sr-only">Custom field {i + 1}</legend>
            <FieldRefInput
              name={`additional.customFieldMappings.${i}.salesforceField`}
              label={`Salesforce field ${i + 1}`}
              purpose="mapping"
            />
            <FormField
              id={`additional-customFieldMappings-${i}-personField`}
              label={`Person custom field ${i + 1}`}
              error={error(`additional.customFieldMappings.${i}.personField`)}
            >
              <Input {...register(`additional.customFieldMappings.${i}.personField`)} />
            </FormField>
            <Button type="button" variant="ghost" size="sm" onClick={() => mappings.remove(i)}>
              Remove custom field {i + 1}
            </Button>
          </fieldset>
        ))}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => mappings.append({ salesforceField: "", personField: "" })}
        >
          Add a custom field
        </Button>
      </section>

      <section aria-labelledby="rules-heading" className="space-y-3">
        <h3 id="rules-heading" className="font-medium">
          Syncing rules
        </h3>
        <Checkbox
          id="additional-rules-requireEmail"
          label="Skip contacts without an email"
          error={error("additional.rules.requireEmail")}
          {...register("additional.rules.requireEmail")}
        />
        <Checkbox
          id="additional-rules-requirePhone"
          label="Skip contacts without a usable phone number"
          error={error("additional.rules.requirePhone")}
          {...register("additional.rules.requirePhone")}
        />
        <ChoiceGroup
          name="additional-rules-onNoLongerMatching"
          legend="When a synced person's contact no longer matches"
          error={error("additional.rules.onNoLongerMatching")}
          inputProps={register("additional.rules.onNoLongerMatching")}
          options={[
            {
              value: "archive",
              label: "Archive the person",
              hint: "Kept for the record, no longer emailed.",
            },
            { value: "keep", label: "Keep the person as they are" },
            { value: "delete", label: "Delete the person" },
          ]}
        />
      </section>

      <FormField
        id="additional-notes"
        label="Notes from the onboarding call"
        error={error("additional.notes")}
      >
        <Textarea {...register("additional.notes")} />
      </FormField>
    </StepFrame>
  );
}
