import { toNestErrors } from "@hookform/resolvers";
import { zodResolver } from "@hookform/resolvers/zod";
import { type FieldError, get, type Resolver } from "react-hook-form";
import { type SyncConfig, syncConfigSchema } from "@/lib/sync/config";
import type { OrgDescribes } from "@/lib/sync/describe";
import { describeZodIssue } from "@/lib/sync/issues";
import { validateConfig } from "@/lib/sync/validate";

/**
 * The wizard's validation: the engine's zod schema, then the same check against the org's
 * describe that the server runs before saving, so an unknown field or a non-phone field as a
 * phone is flagged beside the answer while the agent is still on the step.
 */
export function createConfigResolver(describes: OrgDescribes | null): Resolver<SyncConfig> {
  const schema = zodResolver(syncConfigSchema, { error: describeZodIssue });

  return async (values, context, options) => {
    const result = await schema(values, context, options);
    if (!describes) return result;

    const issues = describeIssues(values, describes);
    if (issues.length === 0) return result;

    const flat: Record<string, FieldError> = {};
    for (const issue of issues) {
      if (!get(result.errors, issue.path)) {
        flat[issue.path] ??= { type: "describe", message: issue.message };
      }
    }
    return { values: {}, errors: mergeDeep(toNestErrors(flat, options), result.errors) };
  };
}

// Half-done answers may not have the shape validateConfig expects; then only zod speaks.
function describeIssues(values: SyncConfig, describes: OrgDescribes) {
  try {
    return validateConfig(values, describes).issues.filter((issue) => issue.severity === "error");
  } catch {
    return [];
  }
}

function mergeDeep<T extends object>(target: T, source: object): T {
  for (const [key, value] of Object.entries(source)) {
    const existing = (target as Record<string, unknown>)[key];
    const isNested =
      value &&
      typeof value === "object" &&
      !("message" in value) &&
      existing &&
      typeof existing === "object";
    (target as Record<string, unknown>)[key] = isNested
      ? mergeDeep(existing as object, value)
      : value;
  }
  return target;
}
