"use client";

import { useState } from "react";
import { Textarea } from "@/components/wizard/controls";

type LinesProps = {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  values: string[];
  onChange: (values: string[]) => void;
  onBlur: () => void;
};

/** A list of values as lines of text; the text is kept as typed so a trailing newline stays. */
export function ValueLines({ id, describedBy, invalid, values, onChange, onBlur }: LinesProps) {
  const [text, setText] = useState(values.join("\n"));
  const parsed = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const shown = parsed.join("\n") === values.join("\n") ? text : values.join("\n");

  return (
    <Textarea
      id={id}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      value={shown}
      onBlur={onBlur}
      onChange={(event) => {
        setText(event.target.value);
        onChange(
          event.target.value
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
