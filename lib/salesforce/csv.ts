import "server-only";

/**
 * RFC 4180 CSV as Bulk API 2.0 writes it: quoted fields, doubled quotes, LF or CRLF. Fields are
 * cut from the text in whole segments, not built a character at a time, and copied off the page
 * (see `detach`), because a sync keeps some of them (names, emails, Ids) for the whole run.
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  return [...csvRows(text, delimiter)];
}

/** The rows of a CSV text one at a time, so a large page need not be held as rows all at once. */
export function* csvRows(text: string, delimiter = ","): Generator<string[]> {
  let row: string[] = [];
  let field = "";
  let from = 0;
  let quoted = false;
  const take = (to: number) => {
    field += text.slice(from, to);
    from = to + 1;
  };
  const endField = (to: number) => {
    take(to);
    row.push(detach(field));
    field = "";
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') continue;
      take(i);
      if (text[i + 1] === '"') from = ++i;
      else quoted = false;
      continue;
    }
    if (c === '"') {
      take(i);
      quoted = true;
    } else if (c === delimiter) endField(i);
    else if (c === "\n" || c === "\r") {
      endField(i);
      if (c === "\r" && text[i + 1] === "\n") from = ++i + 1;
      yield row;
      row = [];
    }
  }
  field += text.slice(from);
  if (field !== "" || row.length > 0) {
    row.push(detach(field));
    yield row;
  }
}

// A slice of 13 characters or more shares the page's text, so one kept value would keep the
// whole page (megabytes) alive; a copy holds only its own characters.
function detach(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
