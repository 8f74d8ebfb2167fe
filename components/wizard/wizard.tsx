"use client";

import { useMemo, useState } from "react";
import { FormProvider, type FieldPath, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { createConfigResolver } from "@/components/wizard/config-resolver";
import { DraftStatus } from "@/components/wizard/draft-status";
import { FieldDatalists } from "@/components/wizard/field-ref-input";
import { listErrors } from "@/components/wizard/list-errors";
import { StepAdditional } from "@/components/wizard/step-additional";
import { StepFilters } from "@/components/wizard/step-filters";
import { StepGroups } from "@/components/wizard/step-groups";
import { StepMatching } from "@/components/wizard/step-matching";
import { StepPhones } from "@/components/wizard/step-phones";
import { StepPositions } from "@/components/wizard/step-positions";
import { StepReview } from "@/components/wizard/step-review";
import { REVIEW_STEP, stepOfPath, wizardSteps } from "@/components/wizard/steps";
import { useDraftAutosave } from "@/components/wizard/use-draft-autosave";
import { useRecheckErrors } from "@/components/wizard/use-recheck-errors";
import { useWizardActions } from "@/components/wizard/use-wizard-actions";
import { WizardContext } from "@/components/wizard/wizard-context";
import { WizardNav } from "@/components/wizard/wizard-nav";
import type { SyncConfig } from "@/lib/sync/config";
import type { OrgDescribes } from "@/lib/sync/describe";

export type WizardProps = {
  organisationId: string;
  initialAnswers: SyncConfig;
  /** What discarding the draft goes back to: the saved config, or the defaults. */
  savedAnswers: SyncConfig;
  initialStep: number;
  describes: OrgDescribes | null;
  positions: string[];
  currentVersion: number | null;
  draftSavedAt: string | null;
  canEdit: boolean;
};

const stepViews = [
  StepMatching,
  StepFilters,
  StepPositions,
  StepPhones,
  StepGroups,
  StepAdditional,
];

export function Wizard(props: WizardProps) {
  const { organisationId, describes, canEdit } = props;
  const hydrated = useHydrated();
  const [step, setStep] = useState(props.initialStep);
  const [added, setAdded] = useState<string[]>([]);
  const resolver = useMemo(() => createConfigResolver(describes), [describes]);
  const form = useForm<SyncConfig>({
    defaultValues: props.initialAnswers,
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  useRecheckErrors(form);
  const draft = useDraftAutosave({
    form,
    organisationId,
    initialStep: props.initialStep,
    enabled: canEdit,
    savedAt: props.draftSavedAt,
  });

  const positions = useMemo(
    () => [...props.positions, ...added.filter((n) => !props.positions.includes(n))],
    [props.positions, added],
  );
  const context = useMemo(
    () => ({
      organisationId,
      describes,
      positions,
      addPosition: (name: string) => setAdded((list) => [...list, name]),
    }),
    [organisationId, describes, positions],
  );
  const stepsWithErrors = new Set(listErrors(form.formState.errors).map((e) => stepOfPath(e.path)));

  const goTo = (next: number) => {
    const target = Math.max(0, Math.min(REVIEW_STEP, next));
    actions.setMessage(null);
    setStep(target);
    draft.noteStep(target);
  };
  const actions = useWizardActions({
    form,
    organisationId,
    draft,
    savedAnswers: props.savedAnswers,
    goTo,
  });
  const { message, busy, save, preview, discard } = actions;

  const next = async () => {
    const fields = wizardSteps[step]!.fields;
    if (await form.trigger(fields)) return goTo(step + 1);
    const first = listErrors(form.formState.errors).find((e) => stepOfPath(e.path) === step);
    if (first) form.setFocus(first.path as FieldPath<SyncConfig>);
  };

  // Enter in a text box moves on a step; only the review step saves.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    if (step === REVIEW_STEP) return void save(event);
    event.preventDefault();
    void next();
  };

  const StepView = stepViews[step];
  const reviewActions = (
    <div className="flex flex-wrap gap-3">
      <Button
        type="button"
        variant="secondary"
        onClick={preview}
        disabled={!hydrated || !canEdit || busy !== null}
      >
        {busy === "preview" ? "Starting the preview…" : "Preview these answers"}
      </Button>
      <Button type="submit" disabled={!hydrated || !canEdit || busy !== null}>
        {busy === "save" ? "Saving…" : `Save as version ${(props.currentVersion ?? 0) + 1}`}
      </Button>
    </div>
  );

  return (
    <WizardContext.Provider value={context}>
      <FormProvider {...form}>
        <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
          <WizardNav current={step} stepsWithErrors={stepsWithErrors} onSelect={goTo} />
          <form onSubmit={submit} noValidate aria-label="Sync config answers" className="space-y-6">
            {!canEdit && (
              <p className="rounded-md bg-muted p-3 text-sm">
                You can read these answers; only agents and admins can change them.
              </p>
            )}
            {!describes && (
              <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
                Salesforce could not be read, so fields are not offered and answers are checked
                against the org only when saved.
              </p>
            )}
            <fieldset disabled={!canEdit} className="space-y-6">
              {StepView ? (
                <StepView key={step} />
              ) : (
                <StepReview key={step} onGoTo={goTo} actions={reviewActions} />
              )}
            </fieldset>
            <FieldDatalists />
            {message && (
              <p
                role="status"
                data-testid="wizard-message"
                className={message.ok ? "text-sm text-green-800" : "text-sm text-danger"}
              >
                {message.text}
              </p>
            )}
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
              <div className="flex gap-2">
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => goTo(step - 1)}
                  disabled={!hydrated || step === 0}
                >
                  Back
                </Button>
                {step < REVIEW_STEP && (
                  <Button type="button" onClick={next} disabled={!hydrated}>
                    Next
                  </Button>
                )}
              </div>
              {canEdit && (
                <DraftStatus state={draft.state} onDiscard={discard} disabled={!hydrated} />
              )}
            </div>
          </form>
        </div>
      </FormProvider>
    </WizardContext.Provider>
  );
}
