import type { Progress } from "@/lib/sync/compute-plan";

/**
 * Passes progress on at most every `everyMs` within one phase, and at once when the phase
 * changes: a page arrives every few milliseconds, the row that shows it need not be written as
 * often.
 */
export function throttleProgress(report: (progress: Progress) => Promise<void>, everyMs = 500) {
  let last = 0;
  let lastPhase = "";
  return async (progress: Progress) => {
    const now = Date.now();
    if (progress.phase === lastPhase && now - last < everyMs) return;
    last = now;
    lastPhase = progress.phase;
    await report(progress);
  };
}
