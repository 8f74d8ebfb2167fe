"use client";

import { Label } from "@/components/ui/label";
import { ValueLines } from "@/components/wizard/value-lines";

type Props = {
  id: string;
  options: string[];
  values: string[];
  error: string | undefined;
  onChange: (values: string[]) => void;
};

/**
 * A picklist's active values as checkboxes, and a box for values the data holds that the
 * picklist does not list (an unrestricted picklist keeps old values): both end up in one list.
 */
export function PicklistValues({ id, options, values, error, onChange }: Props) {
  const errorId = error ? `${id}-error` : undefined;
  const chosen = values.filter((value) => options.includes(value));
  const others = values.filter((value) => !options.includes(value));
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value] : values.filter((v) => v !== value));

  return (
    <div className="space-y-2">
      <fieldset className="space-y-1" aria-describedby={errorId}>
        <legend className="text-sm font-medium">Values</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {options.map((value, i) => (
            <span key={value} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                id={`${id}-${i}`}
                className="accent-brand"
                checked={values.includes(value)}
                onChange={(event) => toggle(value, event.target.checked)}
              />
              <label htmlFor={`${id}-${i}`}>{value}</label>
            </span>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <Label htmlFor={`${id}-others`}>Values not in the picklist, one per line</Label>
        <ValueLines
          id={`${id}-others`}
          describedBy={errorId}
          invalid={Boolean(error)}
          values={others}
          onChange={(lines) => onChange([...chosen, ...lines])}
          onBlur={() => {}}
        />
      </div>
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
