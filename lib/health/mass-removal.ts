import type { Plan } from "@/lib/sync/plan-types";

/** A run may archive or delete up to this share of the organisation's synced People unasked. */
export const DEFAULT_MASS_REMOVAL_SHARE = 0.2;

export type MassRemovalCheck =
  | { ok: true; removals: number }
  | { ok: false; removals: number; existing: number; share: number; message: string };

function percent(value: number) {
  return `${Math.round(value * 1000) / 10}%`;
}

/**
 * Whether a plan removes (archives or deletes) more than `share` of the People the sync has
 * written so far; such a run is usually a filter mistake and waits for an agent to confirm it.
 */
export function massRemovalCheck(
  plan: Pick<Plan, "counts">,
  existingCount: number,
  share = DEFAULT_MASS_REMOVAL_SHARE,
): MassRemovalCheck {
  const removals = plan.counts.archive + plan.counts.delete;
  if (removals === 0 || existingCount === 0 || removals <= share * existingCount) {
    return { ok: true, removals };
  }

  const message =
    `This sync would remove ${removals} of the organisation's ${existingCount} synced People ` +
    `(${percent(removals / existingCount)}, more than the ${percent(share)} allowed without a ` +
    `confirmation), which is often a filter mistake. Nothing was changed: check the preview, then ` +
    `confirm by typing the organisation's name, or fix the config.`;
  return { ok: false, removals, existing: existingCount, share, message };
}
