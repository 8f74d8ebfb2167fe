"use client";

import { useState } from "react";
import { useController } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorAt } from "@/components/wizard/error-at";
import { useWizard } from "@/components/wizard/wizard-context";
import type { SyncConfig } from "@/lib/sync/config";

/** Fixed positions: the organisation's positions as checkboxes, and a new one added inline. */
export function PositionNames() {
  const { positions, addPosition } = useWizard();
  const { field, formState } = useController<SyncConfig, "positions.names">({
    name: "positions.names",
  });
  const [draft, setDraft] = useState("");
  const names = field.value ?? [];
  const error = errorAt(formState.errors, "positions.names");
  const shown = [...positions, ...names.filter((name) => !positions.includes(name))];

  const toggle = (name: string, on: boolean) =>
    field.onChange(on ? [...names, name] : names.filter((n) => n !== name));
  const add = () => {
    const name = draft.trim();
    if (!name) return;
    addPosition(name);
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase()))
      field.onChange([...names, name]);
    setDraft("");
  };

  return (
    <div className="space-y-3">
      <fieldset
        className="space-y-1"
        aria-describedby={error ? "positions-names-error" : undefined}
      >
        <legend className="text-sm font-medium">Positions every synced contact gets</legend>
        {shown.map((name, i) => (
          <div key={name} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              id={`position-name-${i}`}
              className="accent-brand"
              checked={names.includes(name)}
              onChange={(event) => toggle(name, event.target.checked)}
              ref={i === 0 ? field.ref : undefined}
            />
            <label htmlFor={`position-name-${i}`}>{name}</label>
          </div>
        ))}
        {error && (
          <p id="positions-names-error" className="text-sm text-danger">
            {error}
          </p>
        )}
      </fieldset>
      <div className="flex items-end gap-2">
        <div className="space-y-1.5">
          <Label htmlFor="new-position">New position</Label>
          <Input
            id="new-position"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
        <Button type="button" variant="secondary" onClick={add}>
          Add position
        </Button>
      </div>
    </div>
  );
}
