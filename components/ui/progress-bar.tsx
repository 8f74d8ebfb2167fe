import { useId } from "react";

/** A labelled progress bar; without a maximum it shows activity without a proportion. */
export function ProgressBar({ label, value, max }: { label: string; value: number; max?: number }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <p id={id} className="text-sm">
        {label}
      </p>
      <progress
        aria-labelledby={id}
        className="h-2 w-full overflow-hidden rounded bg-muted accent-brand"
        value={max ? Math.min(value, max) : undefined}
        max={max}
      />
    </div>
  );
}
