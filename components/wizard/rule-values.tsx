"use client";

import { type FieldPath, useController } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/wizard/controls";
import { PicklistValues } from "@/components/wizard/picklist-values";
import { ValueLines } from "@/components/wizard/value-lines";
import { errorAt } from "@/components/wizard/error-at";
import { fieldId } from "@/components/wizard/steps";
import type { SyncConfig } from "@/lib/sync/config";
import { type MatchType, matchTypeArity } from "@/lib/sync/config-rules";
import type { FieldDescribe } from "@/lib/sync/describe";

type Props = { path: string; match: MatchType; field: FieldDescribe | undefined };

/** The values of one filter rule, edited the way the field's type reads them. */
export function RuleValues({ path, match, field }: Props) {
  const name = `${path}.values` as FieldPath<SyncConfig>;
  const { field: control, formState } = useController<SyncConfig>({ name });
  const values = (control.value as string[] | undefined) ?? [];
  const error = errorAt(formState.errors, name);
  const id = fieldId(name);
  const arity = matchTypeArity[match];
  const options = (field?.picklistValues ?? []).filter((option) => option.active);
  const describedBy = error ? `${id}-error` : undefined;

  if (arity === "none") return <p className="text-sm text-muted-foreground">No value needed.</p>;

  let editor;
  if (arity === "one") {
    const set = (value: string) => control.onChange(value === "" ? [] : [value]);
    editor =
      options.length > 0 || field?.type === "boolean" ? (
        <Select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          value={values[0] ?? ""}
          onChange={(e) => set(e.target.value)}
          onBlur={control.onBlur}
        >
          <option value="">Choose a value</option>
          {(field?.type === "boolean" ? ["true", "false"] : options.map((o) => o.value)).map(
            (value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ),
          )}
        </Select>
      ) : (
        <Input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          value={values[0] ?? ""}
          onChange={(e) => set(e.target.value)}
          onBlur={control.onBlur}
        />
      );
  } else if (options.length > 0) {
    return (
      <PicklistValues
        id={id}
        options={options.map((o) => o.value)}
        values={values}
        error={error}
        onChange={control.onChange}
      />
    );
  } else {
    editor = (
      <ValueLines
        id={id}
        describedBy={describedBy}
        invalid={Boolean(error)}
        values={values}
        onChange={control.onChange}
        onBlur={control.onBlur}
      />
    );
  }

  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{arity === "one" ? "Value" : "Values, one per line"}</Label>
      {editor}
      {error && (
        <p id={describedBy} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
