import soqlParser, { type Query } from "soql-parser-js";

import { findWord, queryError } from "./positions";

// soql-parser-js is CommonJS: a default import works both under Node's ESM loader and vitest.
const { parseQuery } = soqlParser;

export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    throw malformed(soql, (error as Error).message);
  }
}

function malformed(soql: string, message: string) {
  const lexical = /^unexpected character: ->(.)<- at offset: (\d+)/.exec(message);
  if (lexical) {
    const reason =
      lexical[1] === "'" ? "unterminated string literal" : `unexpected token: '${lexical[1]}'`;
    return queryError(soql, Number(lexical[2]), "MALFORMED_QUERY", reason);
  }
  const found = /but found:? (?:--> )?'(.*?)'/s.exec(message)?.[1];
  if (found === undefined) return queryError(soql, 0, "MALFORMED_QUERY", "unexpected token");
  if (found === "")
    return queryError(soql, soql.length, "MALFORMED_QUERY", "unexpected token: <EOF>");
  return queryError(
    soql,
    locate(soql, found, message),
    "MALFORMED_QUERY",
    `unexpected token: '${found}'`,
  );
}

// The parser names the unexpected token but not where it is. Of the places the token occurs,
// the right one is the first where the query cut just after it fails with the same complaint.
function locate(soql: string, token: string, message: string): number {
  const candidates = token.includes(".") || /^\w+$/.test(token) ? findWord(soql, token) : [];
  if (candidates.length === 0) {
    const at = soql.indexOf(token);
    return at < 0 ? 0 : at;
  }
  if (candidates.length === 1) return candidates[0]!;
  const complaint = message.slice(message.lastIndexOf("but found"));
  for (const offset of candidates) {
    try {
      parseQuery(soql.slice(0, offset + token.length));
    } catch (error) {
      const text = (error as Error).message;
      if (text.slice(text.lastIndexOf("but found")) === complaint) return offset;
    }
  }
  return candidates[0]!;
}
