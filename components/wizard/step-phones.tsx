"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/wizard/controls";
import { errorAt } from "@/components/wizard/error-at";
import { FieldRefInput } from "@/components/wizard/field-ref-input";
import { StepFrame } from "@/components/wizard/step-frame";
import { phoneTypes, type SyncConfig } from "@/lib/sync/config";

export function StepPhones() {
  const { control, register, formState } = useFormContext<SyncConfig>();
  const phones = useFieldArray({ control, name: "phones" });

  return (
    <StepFrame
      title="4. Phone numbers"
      question="Which phone numbers should sync, and as what type?"
      help="Numbers are converted to E.164 (+441632960961) in the contact's mailing country, else the organisation's default country, and kept as written too. When two fields hold the same number, the first one listed keeps it."
    >
      {phones.fields.length === 0 && <p className="text-sm">No phone numbers sync.</p>}
      {phones.fields.map((phone, i) => (
        <fieldset key={phone.id} className="grid items-end gap-3 md:grid-cols-[2fr_1fr_auto]">
          <legend className="sr-only">Phone field {i + 1}</legend>
          <FieldRefInput
            name={`phones.${i}.field`}
            label={`Phone field ${i + 1}`}
            purpose="phone"
          />
          <FormField
            id={`phones-${i}-type`}
            label={`Type of phone ${i + 1}`}
            error={errorAt(formState.errors, `phones.${i}.type`)}
          >
            <Select {...register(`phones.${i}.type`)}>
              {phoneTypes.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </Select>
          </FormField>
          <Button type="button" variant="ghost" size="sm" onClick={() => phones.remove(i)}>
            Remove phone {i + 1}
          </Button>
        </fieldset>
      ))}
      <Button
        type="button"
        variant="secondary"
        onClick={() => phones.append({ field: "", type: "work" })}
      >
        Add a phone field
      </Button>
    </StepFrame>
  );
}
