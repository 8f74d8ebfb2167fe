/**
 * SOQL string literals. Salesforce reads a backslash as the start of an escape sequence, so the
 * backslash is escaped first and every other sequence after it; jsforce escapes only quotes.
 * Sequences from Salesforce's "Quoted String Escape Sequences": \n \r \t \b \f \" \' \\ and
 * \uXXXX; in LIKE patterns also \% and \_.
 */

const SEQUENCES: Record<string, string> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
  '"': '\\"',
  "'": "\\'",
};

export function escapeSoqlString(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/[\n\r\t\b\f"']/g, (char) => SEQUENCES[char] ?? char)
    .replace(
      /[\u0000-\u001f\u007f]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/** For the inside of a LIKE pattern: the value matches as written, `%` and `_` included. */
export function escapeSoqlLike(value: string): string {
  return escapeSoqlString(value).replace(/[%_]/g, (char) => `\\${char}`);
}

export function quoteSoql(value: string): string {
  return `'${escapeSoqlString(value)}'`;
}

export const SOQL_NUMBER = /^-?\d+(\.\d+)?$/;
export const SOQL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const SOQL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

const NUMBER_TYPES = new Set(["int", "long", "double", "currency", "percent"]);

/**
 * A value as SOQL reads it for the field's type: numbers, dates and checkboxes unquoted, all
 * else quoted. A value that does not look like its type is quoted too, so even a config that
 * skipped validation can only make Salesforce refuse the query, never change its meaning.
 */
export function formatSoqlLiteral(value: string, type: string | undefined): string {
  if (type && NUMBER_TYPES.has(type) && SOQL_NUMBER.test(value)) return value;
  if (type === "date" && SOQL_DATE.test(value)) return value;
  if (type === "datetime" && SOQL_DATETIME.test(value)) return value;
  if (type === "boolean" && /^(true|false)$/i.test(value)) return value.toLowerCase();
  return quoteSoql(value);
}
