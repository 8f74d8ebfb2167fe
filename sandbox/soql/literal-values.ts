import { normalizeId } from "../ids";
import type { Scalar } from "../org/values";
import { type FieldDef, isNumberType, isTextType } from "../schema/field-def";
import { dateLiteralRange, type DateRange } from "./date-literals";
import { parseDateLiteral, parseDateTimeLiteral, unescapeString } from "./literals";
import { firstOffset, queryError } from "./positions";

export type Key = string | number | boolean;

/** The form a stored value is compared in: text without case, Ids exactly, dates as strings. */
export function keyOf(field: FieldDef): (value: Scalar) => Key {
  if (field.type === "id" || field.type === "reference") return (v) => String(v);
  if (field.type === "multipicklist") return (v) => multiSelectKey(String(v));
  if (isTextType(field.type)) return (v) => String(v).toLowerCase();
  if (isNumberType(field.type)) return (v) => Number(v);
  return (v) => v as Key;
}

export function multiSelectKey(value: string): string {
  return value
    .split(";")
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)
    .sort()
    .join(";");
}

export type Literal =
  { kind: "null" } | { kind: "value"; key: Key } | { kind: "range"; range: DateRange };

interface LiteralSource {
  soql: string;
  fieldText: string;
  now: number;
}

/** Turns one literal of a condition into the field's key form, checking it fits the field. */
export function literalFor(
  field: FieldDef,
  literalType: string | undefined,
  raw: string,
  dateN: number | undefined,
  source: LiteralSource,
): Literal {
  const mismatch = (): never => {
    throw queryError(
      source.soql,
      firstOffset(source.soql, source.fieldText),
      "INVALID_FIELD",
      typeMessage(field),
    );
  };
  const type = (literalType ?? "").toUpperCase();
  if (type === "NULL") return { kind: "null" };
  if (type === "DATE_LITERAL" || type === "DATE_N_LITERAL") {
    if (field.type !== "date" && field.type !== "datetime") return mismatch();
    const range = dateLiteralRange(raw.split(":")[0]!, dateN, source.now);
    if (!range) {
      throw queryError(
        source.soql,
        firstOffset(source.soql, raw.split(":")[0]!),
        "MALFORMED_QUERY",
        `The sandbox does not evaluate the date literal ${raw}`,
      );
    }
    return { kind: "range", range };
  }
  if (isTextType(field.type)) {
    if (type !== "STRING") return mismatch();
    const text = unescapeString(source.soql, raw);
    if (field.type === "id" || field.type === "reference") {
      const id = normalizeId(text);
      if (!id) {
        throw queryError(
          source.soql,
          Math.max(0, source.soql.indexOf(raw)),
          "INVALID_QUERY_FILTER_OPERATOR",
          `invalid ID field: ${text}`,
        );
      }
      return { kind: "value", key: id };
    }
    return { kind: "value", key: keyOf(field)(text) };
  }
  if (isNumberType(field.type)) {
    if (type !== "INTEGER" && type !== "DECIMAL") return mismatch();
    return { kind: "value", key: Number(raw) };
  }
  if (field.type === "boolean") {
    if (type !== "BOOLEAN") return mismatch();
    return { kind: "value", key: raw.toUpperCase() === "TRUE" };
  }
  if (field.type === "date") {
    const date = type === "DATE" ? parseDateLiteral(raw) : null;
    return date ? { kind: "value", key: date } : mismatch();
  }
  if (field.type === "datetime") {
    const ms = type === "DATETIME" ? parseDateTimeLiteral(raw) : null;
    return ms === null ? mismatch() : { kind: "value", key: ms };
  }
  return mismatch();
}

function typeMessage(field: FieldDef): string {
  if (isTextType(field.type)) {
    return `value of filter criterion for field '${field.name}' must be of type string and should be enclosed in quotes`;
  }
  const soapType =
    field.type === "datetime"
      ? "dateTime"
      : field.type === "int"
        ? "int"
        : isNumberType(field.type)
          ? "double"
          : field.type;
  return `value of filter criterion for field '${field.name}' must be of type ${soapType} and should not be enclosed in quotes`;
}
