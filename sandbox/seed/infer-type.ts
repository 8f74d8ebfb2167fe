import type { FieldType } from "../schema/field-def";

/** The field type a seed's values imply, for fields the org's describe does not know. */
export function inferFieldType(values: readonly unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== "");
  if (present.length === 0) return "string";
  if (present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.every((v) => typeof v === "number")) return "double";
  if (present.every((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))) return "date";
  if (present.every((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v))) {
    return "datetime";
  }
  if (present.some((v) => String(v).length > 255)) return "textarea";
  return "string";
}
