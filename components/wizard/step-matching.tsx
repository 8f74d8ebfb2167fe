"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { BooleanChoice } from "@/components/wizard/boolean-choice";
import { Checkbox } from "@/components/wizard/controls";
import { StepFrame } from "@/components/wizard/step-frame";
import { useWizard } from "@/components/wizard/wizard-context";
import type { SyncConfig } from "@/lib/sync/config";

export function StepMatching() {
  const { register } = useFormContext<SyncConfig>();
  const { describes } = useWizard();
  const enabled = useWatch<SyncConfig, "multiAccount.enabled">({ name: "multiAccount.enabled" });
  const noRelations = describes !== null && describes.AccountContactRelation === null;

  return (
    <StepFrame
      title="1. Contact matching"
      question="Does the client relate one contact to several accounts?"
      help="Salesforce calls this Contacts to Multiple Accounts (AccountContactRelation). With it, a contact lands on every customer whose account it is related to; without it, only on the customer of its own account."
    >
      <BooleanChoice
        name="multiAccount.enabled"
        legend="One contact, several accounts?"
        yes={{
          label: "Yes, use every related account",
          hint: "The direct relation is the contact's own account and counts once.",
        }}
        no={{ label: "No, only the contact's own account" }}
      />
      {noRelations && (
        <p className="text-sm text-amber-900">
          This org has no AccountContactRelation object: Contacts to Multiple Accounts is off in
          Salesforce.
        </p>
      )}
      {enabled && (
        <Checkbox
          id="multiAccount-includeInactiveRelations"
          label="Inactive relations count too"
          hint="Usually left off: an inactive relation means the contact no longer works with that account."
          {...register("multiAccount.includeInactiveRelations")}
        />
      )}
    </StepFrame>
  );
}
