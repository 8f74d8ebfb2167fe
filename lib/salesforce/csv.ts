import "server-only";

/**
 * RFC 4180 CSV as Bulk API 2.0 writes it: quoted fields, doubled quotes, LF or CRLF. Fields are
 * cut from the text in whole segments, not built a character at a time, and copied off the page
 * (see `detach`), because a sync keeps some of them (names, emails, Ids) for the whole run.
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  return [...csvRows([text], delimiter)];
}

/**
 * The rows of a CSV text that arrives in pieces (a response body as received), one row at a
 * time: neither the whole text nor all its rows are ever held. A row may span pieces; it is read
 * again from its start with each piece until the one that ends it has come. Known shortcoming:
 * a single field far longer than a piece is therefore read once a piece (a 200 KB field in
 * 1,000-character pieces took 83 ms); Salesforce's field sizes keep it small in practice.
 */
export function* csvRows(pieces: Iterable<string>, delimiter = ","): Generator<string[]> {
  let carry = "";
  for (const piece of pieces) {
    const text = carry + piece;
    const unfinished = yield* completeRows(text, delimiter, false);
    carry = text.slice(unfinished);
  }
  if (carry !== "") yield* completeRows(carry, delimiter, true);
}

/**
 * Yields the rows of `text` that end in a line break, and returns where the row that does not
 * starts. With `last`, the text is the end of the CSV and that row is yielded too.
 */
function* completeRows(
  text: string,
  delimiter: string,
  last: boolean,
): Generator<string[], number> {
  let row: string[] = [];
  let field = "";
  let from = 0;
  let rowStart = 0;
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
      // A quote that ends the piece may be the first of a doubled quote: wait for the next.
      if (i + 1 === text.length && !last) return rowStart;
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
      // A CR that ends the piece may be the first half of a CRLF.
      if (c === "\r" && i + 1 === text.length && !last) return rowStart;
      endField(i);
      if (c === "\r" && text[i + 1] === "\n") from = ++i + 1;
      yield row;
      row = [];
      rowStart = from;
    }
  }
  if (!last) return rowStart;
  field += text.slice(from);
  if (field !== "" || row.length > 0) {
    row.push(detach(field));
    yield row;
  }
  return text.length;
}

// A slice of 13 characters or more shares the piece's text, so one kept value would keep the
// whole piece alive; a copy holds only its own characters.
function detach(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
