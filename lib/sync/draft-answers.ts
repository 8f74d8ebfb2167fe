import { defaultSyncConfig, type SyncConfig } from "@/lib/sync/config";

/**
 * A stored draft as the wizard can open it: whatever the agent had typed, with any section the
 * draft lacks (an older wizard, a hand-edited row) filled in from the defaults. Values are not
 * checked here; the wizard shows their errors.
 */

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const section = <T extends object>(fallback: T, value: unknown): T =>
  isObject(value) ? ({ ...fallback, ...value } as T) : fallback;

export function draftAnswers(raw: unknown): SyncConfig {
  if (!isObject(raw)) return defaultSyncConfig;
  const defaults = defaultSyncConfig;
  const additional = isObject(raw.additional) ? raw.additional : {};
  const filters = isObject(raw.filters) && Array.isArray(raw.filters.groups) ? raw.filters : null;

  return {
    multiAccount: section(defaults.multiAccount, raw.multiAccount),
    filters: (filters as SyncConfig["filters"] | null) ?? defaults.filters,
    positions: isObject(raw.positions)
      ? (raw.positions as SyncConfig["positions"])
      : defaults.positions,
    phones: Array.isArray(raw.phones) ? (raw.phones as SyncConfig["phones"]) : defaults.phones,
    parentLevelStorage:
      typeof raw.parentLevelStorage === "boolean"
        ? raw.parentLevelStorage
        : defaults.parentLevelStorage,
    additional: {
      ...section(defaults.additional, additional),
      customFieldMappings: Array.isArray(additional.customFieldMappings)
        ? (additional.customFieldMappings as SyncConfig["additional"]["customFieldMappings"])
        : [],
      rules: section(defaults.additional.rules, additional.rules),
    },
  };
}
