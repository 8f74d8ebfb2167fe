import { queryError } from "./positions";

const ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
};

type Piece = { literal: string } | { wildcard: "%" | "_" };

// SOQL string escapes: \n \r \t \b \f (either case), \" \' \\ and \uXXXX everywhere, plus \% and
// \_ inside LIKE only; any other backslash is an error. soql-parser-js hands literals over raw,
// quotes and backslashes included, so the sandbox decodes them itself.
function decode(soql: string, raw: string, like: boolean): Piece[] {
  const body = raw.slice(1, -1);
  const pieces: Piece[] = [];
  let text = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (like && (c === "%" || c === "_")) {
      pieces.push({ literal: text }, { wildcard: c });
      text = "";
      continue;
    }
    if (c !== "\\") {
      text += c;
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/^[nrtbf]$/i.test(next)) {
      text += ESCAPES[next.toLowerCase()];
      i += 1;
    } else if (next === '"' || next === "'" || next === "\\") {
      text += next;
      i += 1;
    } else if (like && (next === "%" || next === "_")) {
      text += next;
      i += 1;
    } else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      throw queryError(
        soql,
        Math.max(0, soql.indexOf(raw)),
        "MALFORMED_QUERY",
        `Invalid string literal ${raw}. Illegal character sequence '\\${next}' in string literal.`,
      );
    }
  }
  pieces.push({ literal: text });
  return pieces;
}

export function unescapeString(soql: string, raw: string): string {
  return decode(soql, raw, false)
    .map((piece) => ("literal" in piece ? piece.literal : ""))
    .join("");
}

/** A LIKE pattern as a case-insensitive, anchored regular expression. */
export function likeToRegExp(soql: string, raw: string): RegExp {
  const source = decode(soql, raw, true)
    .map((piece) =>
      "literal" in piece
        ? piece.literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        : piece.wildcard === "%"
          ? "[\\s\\S]*"
          : "[\\s\\S]",
    )
    .join("");
  return new RegExp(`^${source}$`, "i");
}

/** A datetime literal (`2025-01-06T09:00:00Z`, `...+01:00`, `...-0800`, `.000`) in ms. */
export function parseDateTimeLiteral(value: string): number | null {
  const normal = value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(normal)) {
    return null;
  }
  const ms = Date.parse(normal);
  return Number.isNaN(ms) ? null : ms;
}

export function parseDateLiteral(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}
