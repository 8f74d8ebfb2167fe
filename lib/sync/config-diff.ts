/**
 * The difference between two config versions, as a list of changed answers by dotted path: what
 * the audit event records and what the versions page shows side by side.
 */
export type ConfigChange = { path: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function diffConfigs(before: unknown, after: unknown, path = ""): ConfigChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) =>
      diffConfigs(before[key], after[key], path ? `${path}.${key}` : key),
    );
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path || "(config)", before: before ?? null, after: after ?? null }];
}
