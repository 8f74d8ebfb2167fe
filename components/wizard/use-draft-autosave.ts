"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { formatDateTime } from "@/components/ui/format";
import { saveDraftAction } from "@/lib/actions/wizard/draft";
import type { SyncConfig } from "@/lib/sync/config";

const DELAY_MS = 700;

export type DraftState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved"; at: string }
  | { status: "failed"; message: string };

type Options = {
  form: UseFormReturn<SyncConfig>;
  organisationId: string;
  /** The step the wizard opens on. */
  initialStep: number;
  enabled: boolean;
  savedAt: string | null;
};

/**
 * Keeps the wizard's answers as a draft on the server shortly after each change, and when the
 * agent changes step, so a reload or a dropped call loses nothing. Saves run one at a time.
 */
export function useDraftAutosave(options: Options) {
  const { form, organisationId, initialStep, enabled, savedAt } = options;
  const [state, setState] = useState<DraftState>(
    savedAt ? { status: "saved", at: savedAt } : { status: "idle" },
  );
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const stepRef = useRef(initialStep);
  // "Saved" is shown only for the newest change: an older save finishing says nothing.
  const latest = useRef(0);

  const save = useCallback(() => {
    const change = latest.current;
    queue.current = queue.current.then(async () => {
      const result = await saveDraftAction({
        organisationId,
        answers: form.getValues(),
        step: stepRef.current,
      });
      if (!result.ok) return setState({ status: "failed", message: result.error });
      if (change === latest.current && timer.current === undefined) {
        setState({ status: "saved", at: formatDateTime(result.data.savedAt) });
      }
    });
    return queue.current;
  }, [form, organisationId]);

  const schedule = useCallback(() => {
    latest.current += 1;
    setState({ status: "saving" });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void save();
    }, DELAY_MS);
  }, [save]);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  /** Saves a change still waiting for its delay now, and resolves once every save is done. */
  const flush = useCallback(() => {
    if (timer.current === undefined) return queue.current;
    cancel();
    return save();
  }, [cancel, save]);

  useEffect(() => {
    if (!enabled) return;
    // Only changes the agent makes have a field name; a reset (discarding the draft) has none.
    const subscription = form.watch((_values, { name }) => {
      if (name) schedule();
    });
    return () => subscription.unsubscribe();
  }, [enabled, form, schedule]);

  /** The wizard moved to another step: the draft reopens there. */
  const noteStep = useCallback(
    (next: number) => {
      if (stepRef.current === next) return;
      stepRef.current = next;
      if (enabled) schedule();
    },
    [enabled, schedule],
  );

  // Leaving the wizard (for the preview, another tab of the console) keeps the last change.
  // Known limit: a reload within the delay of a change loses that one change.
  useEffect(() => () => void flush(), [flush]);

  return { state, cancel, flush, noteStep, setState };
}
