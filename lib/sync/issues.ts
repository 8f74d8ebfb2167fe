import type { z } from "zod";
import type { $ZodRawIssue } from "zod/v4/core";

/**
 * One problem with a sync config, from the schema or from the org's describe. `path` is dotted
 * the way react-hook-form names fields (`filters.groups.0.rules.1.values`), so the wizard can
 * put the message beside the answer to change.
 */
export type ConfigIssue = {
  path: string;
  /** The Salesforce field the issue is about, canonical when known. */
  field: string | null;
  message: string;
  /** Errors block saving and running; warnings are shown and allowed. */
  severity: "error" | "warning";
};

export function issuesFromZod(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    field: null,
    message: issue.message,
    severity: "error",
  }));
}

/** `{ "filters.groups.0.rules.1.values": "Choose at least one value for 'in list'." }` */
export function fieldErrorsFromIssues(issues: ConfigIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.severity === "error") errors[issue.path] ??= issue.message;
  }
  return errors;
}

export function hasErrors(issues: ConfigIssue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

/**
 * Messages for the issues the schema does not word itself: a missing answer or an unknown key.
 * Pass as `{ error: describeZodIssue }` to `safeParse`; `undefined` keeps zod's own message.
 */
export function describeZodIssue(issue: $ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return "This answer is missing.";
  }
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `"${key}"`).join(", ");
    return `Unknown answer ${keys}; check the spelling.`;
  }
  return undefined;
}
