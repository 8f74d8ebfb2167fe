"use client";

import { BooleanChoice } from "@/components/wizard/boolean-choice";
import { StepFrame } from "@/components/wizard/step-frame";

export function StepGroups() {
  return (
    <StepFrame
      title="5. Customer groups"
      question="Should People be stored on the top parent customer?"
      help="Some clients bill the parent of a customer group. Then a contact found on a child customer is stored on the group's top parent, and a contact reached through two children becomes one person with both sets of positions."
    >
      <BooleanChoice
        name="parentLevelStorage"
        legend="Store People at the top parent?"
        yes={{ label: "Yes, store People on the top parent customer" }}
        no={{ label: "No, store People on the customer whose account matched" }}
      />
    </StepFrame>
  );
}
