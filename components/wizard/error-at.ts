import { type FieldErrors, get } from "react-hook-form";

/**
 * The message for one answer, wherever react-hook-form keeps it: on the field, on an array's
 * `root`, or on the first item of a list of values.
 */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const error = get(errors, path) as
    | { message?: unknown; root?: { message?: unknown } }
    | Array<{ message?: unknown } | undefined>
    | undefined;
  if (!error) return undefined;
  if (Array.isArray(error)) {
    const first = error.find((item) => typeof item?.message === "string");
    return first?.message as string | undefined;
  }
  if (typeof error.message === "string") return error.message;
  if (typeof error.root?.message === "string") return error.root.message;
  return undefined;
}
