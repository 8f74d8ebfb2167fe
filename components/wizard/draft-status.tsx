"use client";

import { Button } from "@/components/ui/button";
import type { DraftState } from "@/components/wizard/use-draft-autosave";

const words = (state: DraftState) => {
  switch (state.status) {
    case "idle":
      return "No unsaved draft.";
    case "saving":
      return "Saving the draft…";
    case "saved":
      return `Draft saved ${state.at}.`;
    case "failed":
      return `The draft could not be saved: ${state.message}`;
  }
};

export function DraftStatus({
  state,
  onDiscard,
  disabled,
}: {
  state: DraftState;
  onDiscard: () => void;
  disabled: boolean;
}) {
  return (
    <div className="flex items-center gap-3 text-sm text-muted-foreground">
      <span role="status" data-testid="draft-status" data-state={state.status}>
        {words(state)}
      </span>
      {state.status === "saved" && (
        <Button type="button" variant="ghost" size="sm" onClick={onDiscard} disabled={disabled}>
          Discard draft
        </Button>
      )}
    </div>
  );
}
