import { ApiError } from "../errors";

// Salesforce points at the offending token of a SOQL query: the line, a caret under the token,
// then "ERROR at Row:r:Column:c" and the reason, each on its own line.
export function queryError(soql: string, offset: number, errorCode: string, reason: string) {
  return new ApiError(400, errorCode, `${pointAt(soql, offset)}${reason}`);
}

function pointAt(soql: string, offset: number): string {
  const safe = Math.max(0, Math.min(offset, soql.length));
  const before = soql.slice(0, safe).split("\n");
  const row = before.length;
  const column = before[before.length - 1]!.length + 1;
  const line = soql.split("\n")[row - 1] ?? "";
  return `\n${line}\n${" ".repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n`;
}

/**
 * Offsets of a word in the query outside string literals, compared without case. Used to point
 * at a field or object name the parser does not report a position for.
 */
export function findWord(soql: string, word: string): number[] {
  const offsets: number[] = [];
  const target = word.toLowerCase();
  let i = 0;
  while (i < soql.length) {
    const c = soql[i]!;
    if (c === "'") {
      i = skipString(soql, i);
      continue;
    }
    if (/[\w.]/.test(c)) {
      let end = i;
      while (end < soql.length && /[\w.]/.test(soql[end]!)) end++;
      const token = soql.slice(i, end).toLowerCase();
      if (token === target) offsets.push(i);
      else if (token.endsWith(`.${target}`)) offsets.push(end - target.length);
      i = end;
      continue;
    }
    i++;
  }
  return offsets;
}

export function firstOffset(soql: string, word: string): number {
  return findWord(soql, word)[0] ?? 0;
}

function skipString(soql: string, start: number): number {
  let i = start + 1;
  while (i < soql.length && soql[i] !== "'") i += soql[i] === "\\" ? 2 : 1;
  return i + 1;
}
