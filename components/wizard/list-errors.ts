import type { FieldErrors } from "react-hook-form";

export type ListedError = { path: string; message: string };

/** Every message in react-hook-form's nested errors, with the dotted path of its answer. */
export function listErrors(errors: FieldErrors, prefix = ""): ListedError[] {
  const found: ListedError[] = [];
  for (const [key, value] of Object.entries(errors ?? {})) {
    if (!value || typeof value !== "object" || key === "ref") continue;
    const path = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message) found.push({ path, message });
    else found.push(...listErrors(value as FieldErrors, path));
  }
  return found;
}
