"use client";

import { type ReactNode, useEffect, useRef } from "react";

type Props = { title: string; question: string; help: ReactNode; children: ReactNode };

/** One step: its heading takes focus on arrival, so keyboard and screen reader users follow. */
export function StepFrame({ title, question, help, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby="wizard-step-title" className="space-y-5">
      <div className="space-y-1">
        <h2 id="wizard-step-title" ref={heading} tabIndex={-1} className="text-xl font-semibold">
          {title}
        </h2>
        <p className="font-medium">{question}</p>
        <div className="text-sm text-muted-foreground">{help}</div>
      </div>
      {children}
    </section>
  );
}
