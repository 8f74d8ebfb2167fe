"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorAt } from "@/components/wizard/error-at";
import { fieldId } from "@/components/wizard/steps";
import { useWizard } from "@/components/wizard/wizard-context";
import type { SyncConfig } from "@/lib/sync/config";
import { describeFieldType } from "@/lib/sync/describe";
import { type FieldPurpose, fieldOptions, findFieldOption } from "@/lib/sync/org-fields";

const purposes: FieldPurpose[] = ["filter", "position", "phone", "mapping"];

export const datalistId = (purpose: FieldPurpose) => `salesforce-fields-${purpose}`;

/** The fields offered for each purpose, rendered once for every field input to share. */
export function FieldDatalists() {
  const { describes } = useWizard();
  const multiAccount = useWatch<SyncConfig, "multiAccount.enabled">({
    name: "multiAccount.enabled",
  });
  if (!describes) return null;

  return purposes.map((purpose) => (
    <datalist key={purpose} id={datalistId(purpose)}>
      {fieldOptions(describes, purpose, multiAccount).map((option) => (
        <option key={option.ref} value={option.ref}>
          {`${option.field.label} (${describeFieldType(option.field.type)})`}
        </option>
      ))}
    </datalist>
  ));
}

type Props = {
  name: string;
  label: string;
  purpose: FieldPurpose;
  hint?: string;
};

/** A Salesforce field, typed or picked from the live describe, with its type shown beside it. */
export function FieldRefInput({ name, label, purpose, hint }: Props) {
  const { describes } = useWizard();
  const { register, formState } = useFormContext<SyncConfig>();
  const value = useWatch({ name: name as "filters" }) as unknown as string | undefined;
  const field = describes && value ? findFieldOption(describes, value) : undefined;
  const typeHint = field ? `${field.label}: ${describeFieldType(field.type)}.` : undefined;

  return (
    <FormField
      id={fieldId(name)}
      label={label}
      hint={[typeHint, hint].filter(Boolean).join(" ") || undefined}
      error={errorAt(formState.errors, name)}
    >
      <Input
        list={describes ? datalistId(purpose) : undefined}
        autoComplete="off"
        spellCheck={false}
        {...register(name as "filters.groups.0.rules.0.field")}
      />
    </FormField>
  );
}
