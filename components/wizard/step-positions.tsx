"use client";

import { useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { ChoiceGroup } from "@/components/wizard/controls";
import { FieldRefInput } from "@/components/wizard/field-ref-input";
import { PositionNames } from "@/components/wizard/position-names";
import { StepFrame } from "@/components/wizard/step-frame";
import { ValueMap } from "@/components/wizard/value-map";
import type { PositionsAnswer, SyncConfig } from "@/lib/sync/config";

const startingAnswer: Record<PositionsAnswer["mode"], PositionsAnswer> = {
  fixed: { mode: "fixed", names: [] },
  field: { mode: "field", field: "", valueMap: [], unmapped: "ignore" },
};

export function StepPositions() {
  const { register, setValue, getValues } = useFormContext<SyncConfig>();
  const mode = useWatch<SyncConfig, "positions.mode">({ name: "positions.mode" });
  // Switching back and forth restores what the agent had typed for each way.
  const remembered = useRef<Partial<Record<PositionsAnswer["mode"], PositionsAnswer>>>({});

  const choose = (next: PositionsAnswer["mode"]) => {
    const current = getValues("positions");
    if (current.mode === next) return;
    remembered.current[current.mode] = current;
    setValue("positions", remembered.current[next] ?? startingAnswer[next], { shouldDirty: true });
  };

  return (
    <StepFrame
      title="3. Positions"
      question="Which positions should synced People get?"
      help="Positions decide who gets which emails, such as dunning letters for the Billing Contact. Either every synced contact gets the same positions, or they come from a Salesforce field whose values you map to positions."
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Where positions come from</legend>
        {(["fixed", "field"] as const).map((value) => (
          <div key={value} className="flex items-start gap-2">
            <input
              type="radio"
              id={`positions-mode-${value}`}
              name="positions-mode"
              className="mt-1 accent-brand"
              checked={mode === value}
              onChange={() => choose(value)}
            />
            <label htmlFor={`positions-mode-${value}`} className="text-sm">
              {value === "fixed" ? "The same positions for everyone" : "From a Salesforce field"}
            </label>
          </div>
        ))}
      </fieldset>
      {mode === "fixed" ? (
        <PositionNames />
      ) : (
        <div className="space-y-4">
          <FieldRefInput
            name="positions.field"
            label="Salesforce field with the role"
            purpose="position"
            hint="A picklist, multi-select picklist or text field; with multi-account, AccountContactRelation.Roles too."
          />
          <ValueMap />
          <ChoiceGroup
            name="positions-unmapped"
            legend="A value with no mapping"
            inputProps={register("positions.unmapped")}
            options={[
              { value: "ignore", label: "Gives no position" },
              { value: "create", label: "Becomes a position of the same name" },
            ]}
          />
        </div>
      )}
    </StepFrame>
  );
}
