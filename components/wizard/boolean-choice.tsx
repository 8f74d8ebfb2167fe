"use client";

import { type FieldPath, useController } from "react-hook-form";
import { errorAt } from "@/components/wizard/error-at";
import { fieldId } from "@/components/wizard/steps";
import type { SyncConfig } from "@/lib/sync/config";

type Props = {
  name: FieldPath<SyncConfig>;
  legend: string;
  yes: { label: string; hint?: string };
  no: { label: string; hint?: string };
};

/** A yes-or-no question as two radios, stored as a boolean. */
export function BooleanChoice({ name, legend, yes, no }: Props) {
  const { field, formState } = useController<SyncConfig>({ name });
  const error = errorAt(formState.errors, name);
  const id = fieldId(name);
  const options = [
    { value: true, id: `${id}-yes`, ...yes },
    { value: false, id: `${id}-no`, ...no },
  ];

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-zinc-800">{legend}</legend>
      {options.map((option) => (
        <div key={option.id} className="flex items-start gap-2">
          <input
            type="radio"
            id={option.id}
            name={field.name}
            checked={field.value === option.value}
            onChange={() => field.onChange(option.value)}
            onBlur={field.onBlur}
            ref={option.value ? field.ref : undefined}
            className="mt-1 accent-brand"
          />
          <label htmlFor={option.id} className="text-sm">
            {option.label}
            {option.hint && (
              <span className="block text-xs text-muted-foreground">{option.hint}</span>
            )}
          </label>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
