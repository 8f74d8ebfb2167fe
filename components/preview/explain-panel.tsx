"use client";

import { useState, useTransition } from "react";
import { OutcomeBadge } from "@/components/preview/outcome-badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import { explainContactAction, searchContactsAction } from "@/lib/actions/preview/explain";
import type { ContactMatch } from "@/lib/sync/explain-lookup";
import type { Outcome } from "@/lib/sync/plan-types";

type Explanation = { lines: string[]; outcomes: { outcome: Outcome; customer: string | null }[] };

type Props = { organisationId: string; previewId: string | null; canExplain: boolean };

/** "Explain a contact": find it by name, email or Id, then read why it is in or out, rule by rule. */
export function ExplainPanel({ organisationId, previewId, canExplain }: Props) {
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [term, setTerm] = useState("");
  const [matches, setMatches] = useState<ContactMatch[] | null>(null);
  const [explained, setExplained] = useState<(Explanation & { name: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { organisationId, previewId: previewId ?? undefined };

  const explain = (match: ContactMatch) =>
    startTransition(async () => {
      setError(null);
      const result = await explainContactAction({ ...ids, contactId: match.id });
      if (result.ok) setExplained({ ...result.data, name: match.name });
      else setError(result.error);
    });

  const search = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      setExplained(null);
      const result = await searchContactsAction({ ...ids, term });
      if (!result.ok) return setError(result.error);
      setMatches(result.data);
      if (result.data.length === 1) explain(result.data[0]!);
    });
  };

  return (
    <Card className="space-y-4">
      <CardTitle>Explain a contact</CardTitle>
      <form
        onSubmit={search}
        className="flex flex-wrap items-end gap-3"
        aria-label="Find a contact to explain"
      >
        <div className="min-w-64 flex-1">
          <FormField id="explain-term" label="Name, email or Salesforce Id">
            <Input value={term} onChange={(e) => setTerm(e.target.value)} disabled={!canExplain} />
          </FormField>
        </div>
        <Button type="submit" variant="secondary" disabled={!hydrated || pending || !canExplain}>
          {pending ? "Looking…" : "Find contact"}
        </Button>
      </form>
      {!canExplain && (
        <p className="text-sm text-muted-foreground">Viewers cannot query Salesforce.</p>
      )}
      {error && (
        <p role="status" className="text-sm text-danger">
          {error}
        </p>
      )}
      {matches && matches.length === 0 && (
        <p role="status" className="text-sm">
          No contact matches “{term}”.
        </p>
      )}
      {matches && matches.length > 1 && (
        <ul className="space-y-1 text-sm" aria-label="Matching contacts">
          {matches.map((match) => (
            <li key={match.id}>
              <button type="button" className="text-brand underline" onClick={() => explain(match)}>
                Explain {match.name}
              </button>{" "}
              <span className="text-muted-foreground">
                {[match.email, match.accountName, match.id].filter(Boolean).join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {explained && (
        <section
          aria-label={`Why ${explained.name} is in or out`}
          data-testid="explanation"
          className="space-y-2"
        >
          <div className="flex flex-wrap gap-2">
            {explained.outcomes.map((o, i) => (
              <span key={i} className="flex items-center gap-1 text-sm">
                <OutcomeBadge outcome={o.outcome} /> {o.customer}
              </span>
            ))}
          </div>
          <ol className="space-y-0.5 text-sm">
            {explained.lines.map((line, i) => (
              <li key={i} className="whitespace-pre-wrap">
                {line}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Card>
  );
}
