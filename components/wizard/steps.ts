import type { FieldPath } from "react-hook-form";
import type { SyncConfig } from "@/lib/sync/config";

/** The wizard's steps in order: the six onboarding questions, then the review. */
export type WizardStep = {
  key: string;
  title: string;
  /** The answers this step edits, validated when the agent moves on. */
  fields: FieldPath<SyncConfig>[];
};

export const wizardSteps: WizardStep[] = [
  { key: "matching", title: "Contact matching", fields: ["multiAccount"] },
  { key: "filters", title: "Contact filters", fields: ["filters"] },
  { key: "positions", title: "Positions", fields: ["positions"] },
  { key: "phones", title: "Phone numbers", fields: ["phones"] },
  { key: "groups", title: "Customer groups", fields: ["parentLevelStorage"] },
  { key: "additional", title: "Additional requirements", fields: ["additional"] },
  { key: "review", title: "Review and save", fields: [] },
];

export const REVIEW_STEP = wizardSteps.length - 1;

/** The step whose answer an error path such as `filters.groups.0.rules.1.values` belongs to. */
export function stepOfPath(path: string): number {
  const top = path.split(".")[0];
  const index = wizardSteps.findIndex((step) =>
    step.fields.some((field) => field.split(".")[0] === top),
  );
  return index === -1 ? REVIEW_STEP : index;
}

export function fieldId(path: string): string {
  return path.replaceAll(".", "-");
}
