"use client";

import { cn } from "@/components/ui/cn";
import { wizardSteps } from "@/components/wizard/steps";

type Props = { current: number; stepsWithErrors: Set<number>; onSelect: (step: number) => void };

/** The steps as a list; any step can be opened, and steps with problems say so. */
export function WizardNav({ current, stepsWithErrors, onSelect }: Props) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="space-y-1">
        {wizardSteps.map((step, i) => (
          <li key={step.key}>
            <button
              type="button"
              onClick={() => onSelect(i)}
              aria-current={i === current ? "step" : undefined}
              className={cn(
                "w-full rounded-md px-3 py-2 text-left text-sm",
                i === current ? "bg-brand text-brand-foreground" : "hover:bg-muted",
              )}
            >
              {i < 6 ? `${i + 1}. ` : ""}
              {step.title}
              {stepsWithErrors.has(i) && (
                <span className={cn("block text-xs", i === current ? "" : "text-danger")}>
                  Needs attention
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
