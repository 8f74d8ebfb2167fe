"use client";

import { useEffect, useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { listErrors } from "@/components/wizard/list-errors";
import { StepFrame } from "@/components/wizard/step-frame";
import { stepOfPath, wizardSteps } from "@/components/wizard/steps";
import { useWizard } from "@/components/wizard/wizard-context";
import { type SyncConfig, syncConfigSchema } from "@/lib/sync/config";
import { describeConfig } from "@/lib/sync/config-words";
import { validateConfig } from "@/lib/sync/validate";

type Props = {
  onGoTo: (step: number) => void;
  actions: React.ReactNode;
};

/** Every answer restated in words, what still needs fixing, and the save and preview buttons. */
export function StepReview({ onGoTo, actions }: Props) {
  const { describes } = useWizard();
  const { trigger, formState } = useFormContext<SyncConfig>();
  const values = useWatch<SyncConfig>() as SyncConfig;
  const problems = listErrors(formState.errors);
  const warnings = useMemo(() => warningsOf(values, describes), [values, describes]);

  useEffect(() => {
    void trigger();
  }, [trigger]);

  return (
    <StepFrame
      title="Review and save"
      question="Read the answers back to the client."
      help="Change any answer, preview exactly what a sync would do, then save: every save is a new version."
    >
      {problems.length > 0 && (
        <section aria-labelledby="problems-heading" className="rounded-md border border-danger p-4">
          <h3 id="problems-heading" className="font-medium text-danger">
            Fix these answers before saving
          </h3>
          <ul className="mt-2 space-y-1 text-sm" data-testid="review-problems">
            {problems.map((problem) => (
              <li key={problem.path}>
                <button
                  type="button"
                  className="text-left underline"
                  onClick={() => onGoTo(stepOfPath(problem.path))}
                >
                  {wizardSteps[stepOfPath(problem.path)]?.title}: {problem.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {warnings.length > 0 && (
        <ul className="space-y-1 text-sm text-amber-900">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <dl className="space-y-3" data-testid="review-summary">
        {describeConfig(values).map((section) => (
          <div key={section.question} className="rounded-md border border-border p-3">
            <dt className="flex items-center justify-between font-medium">
              {section.question}. {section.title}
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => onGoTo(section.question - 1)}
              >
                Change {section.title.toLowerCase()}
              </Button>
            </dt>
            {section.lines.map((line) => (
              <dd key={line} className="text-sm text-muted-foreground">
                {line}
              </dd>
            ))}
          </div>
        ))}
      </dl>
      {actions}
    </StepFrame>
  );
}

function warningsOf(values: SyncConfig, describes: ReturnType<typeof useWizard>["describes"]) {
  const parsed = syncConfigSchema.safeParse(values);
  if (!parsed.success || !describes) return [];
  return validateConfig(parsed.data, describes)
    .issues.filter((issue) => issue.severity === "warning")
    .map((issue) => issue.message);
}
