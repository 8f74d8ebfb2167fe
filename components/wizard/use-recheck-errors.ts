"use client";

import { useEffect } from "react";
import { type FieldPath, get, type UseFormReturn } from "react-hook-form";
import type { SyncConfig } from "@/lib/sync/config";

/**
 * Answers are checked when the agent moves on, not while a new row is still empty. Once a
 * question shows errors, every change to it checks that question again, so a message goes as
 * soon as the answer is right and never describes an answer that has since changed.
 */
export function useRecheckErrors(form: UseFormReturn<SyncConfig>) {
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      const question = name?.split(".")[0] as FieldPath<SyncConfig> | undefined;
      if (question && get(form.formState.errors, question)) void form.trigger(question);
    });
    return () => subscription.unsubscribe();
  }, [form]);
}
