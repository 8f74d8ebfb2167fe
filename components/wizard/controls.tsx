import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Native form controls styled like components/ui/input: keyboard and screen readers for free. */

const boxStyle =
  "rounded-md border border-border bg-white px-3 text-sm aria-[invalid=true]:border-danger";

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn("h-10 w-full", boxStyle, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn("min-h-20 w-full py-2", boxStyle, className)} {...props} />;
}

type Option = { value: string; label: string; hint?: string };

type ChoiceGroupProps = {
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  /** Props from react-hook-form's `register`, spread on every radio. */
  inputProps: ComponentProps<"input">;
  name: string;
};

/** A question answered by one of a few choices: a fieldset of radios with a legend. */
export function ChoiceGroup({ legend, hint, error, options, inputProps, name }: ChoiceGroupProps) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={errorId}>
      <legend className="text-sm font-medium text-zinc-800">{legend}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-2">
            <input
              type="radio"
              id={id}
              value={option.value}
              className="mt-1 accent-brand"
              {...inputProps}
            />
            <label htmlFor={id} className="text-sm">
              {option.label}
              {option.hint && (
                <span className="block text-xs text-muted-foreground">{option.hint}</span>
              )}
            </label>
          </div>
        );
      })}
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

type CheckboxProps = ComponentProps<"input"> & { label: string; hint?: string; error?: string };

export function Checkbox({ label, hint, error, id, ...props }: CheckboxProps) {
  return (
    <div className="flex items-start gap-2">
      <input type="checkbox" id={id} className="mt-1 accent-brand" {...props} />
      <div>
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
        {error && <p className="text-sm text-danger">{error}</p>}
      </div>
    </div>
  );
}
