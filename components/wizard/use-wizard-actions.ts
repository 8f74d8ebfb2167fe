"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldPath, UseFormReturn } from "react-hook-form";
import { stepOfPath } from "@/components/wizard/steps";
import type { useDraftAutosave } from "@/components/wizard/use-draft-autosave";
import { startPreviewAction } from "@/lib/actions/preview/start-preview";
import { discardDraftAction } from "@/lib/actions/wizard/draft";
import { saveSyncConfigAction } from "@/lib/actions/wizard/save-config";
import type { SyncConfig } from "@/lib/sync/config";

type Options = {
  form: UseFormReturn<SyncConfig>;
  organisationId: string;
  draft: ReturnType<typeof useDraftAutosave>;
  savedAnswers: SyncConfig;
  goTo: (step: number) => void;
};

export type WizardMessage = { ok: boolean; text: string };

/** Save, preview and discard: each sends the answers to the server and shows what it said. */
export function useWizardActions({ form, organisationId, draft, savedAnswers, goTo }: Options) {
  const router = useRouter();
  const [message, setMessage] = useState<WizardMessage | null>(null);
  const [busy, setBusy] = useState<"save" | "preview" | null>(null);

  // The server's errors land beside the answers, and the wizard opens the first step with one.
  const showServerErrors = (error: string, fieldErrors?: Record<string, string>) => {
    const entries = Object.entries(fieldErrors ?? {});
    for (const [path, text] of entries) {
      form.setError(path as FieldPath<SyncConfig>, { type: "server", message: text });
    }
    if (entries.length > 0) goTo(stepOfPath(entries[0]![0]));
    setMessage({ ok: false, text: error });
  };

  const save = form.handleSubmit(
    async (values) => {
      setBusy("save");
      draft.cancel();
      const result = await saveSyncConfigAction({ organisationId, config: values });
      setBusy(null);
      if (!result.ok) return showServerErrors(result.error, result.fieldErrors);
      draft.setState({ status: "idle" });
      setMessage({
        ok: true,
        text: result.data.saved
          ? `Saved as version ${result.data.version}.`
          : `Nothing changed: version ${result.data.version} already has these answers.`,
      });
      router.refresh();
    },
    () => setMessage({ ok: false, text: "Some answers need fixing; nothing was saved." }),
  );

  const preview = async () => {
    if (!(await form.trigger())) {
      return setMessage({ ok: false, text: "Fix the answers before previewing them." });
    }
    setBusy("preview");
    await draft.flush();
    const result = await startPreviewAction({ organisationId, config: form.getValues() });
    setBusy(null);
    if (!result.ok) return showServerErrors(result.error, result.fieldErrors);
    router.push(`/organisations/${organisationId}/preview`);
  };

  const discard = async () => {
    draft.cancel();
    const result = await discardDraftAction({ organisationId });
    if (!result.ok) return setMessage({ ok: false, text: result.error });
    form.reset(savedAnswers);
    goTo(0);
    // Going back to the first step is not a change to keep: the draft is gone.
    draft.cancel();
    draft.setState({ status: "idle" });
    setMessage({ ok: true, text: "Draft discarded." });
  };

  return { message, setMessage, busy, save, preview, discard };
}
