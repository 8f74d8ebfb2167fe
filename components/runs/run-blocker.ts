/** Why the Run now button is off for this agent and organisation, or null when it is on. */
export function runBlocker(canRun: boolean, configured: boolean): string | null {
  if (!canRun) return "Viewers cannot start a sync.";
  if (!configured) return "Save a sync config first.";
  return null;
}
