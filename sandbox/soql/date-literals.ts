const DAY = 86_400_000;

/** A half-open range [start, end) in epoch ms, in UTC (the integration user's time zone). */
export interface DateRange {
  start: number;
  end: number;
}

// Known limit: weeks, quarters and fiscal periods (THIS_WEEK, LAST_N_QUARTERS:n, ...) are not
// evaluated; a query using them gets MALFORMED_QUERY saying so.
export function dateLiteralRange(
  literal: string,
  n: number | undefined,
  now: number,
): DateRange | null {
  const today = Math.floor(now / DAY) * DAY;
  const days = (from: number, count: number) => ({
    start: today + from * DAY,
    end: today + (from + count) * DAY,
  });
  const month = (offset: number) => monthRange(now, offset);
  const year = (offset: number) => yearRange(now, offset);
  const count = n ?? 0;
  switch (literal.toUpperCase()) {
    case "TODAY":
      return days(0, 1);
    case "YESTERDAY":
      return days(-1, 1);
    case "TOMORROW":
      return days(1, 1);
    case "LAST_90_DAYS":
      return days(-90, 91);
    case "NEXT_90_DAYS":
      return days(1, 90);
    case "LAST_N_DAYS":
      return days(-count, count + 1);
    case "NEXT_N_DAYS":
      return days(1, count);
    case "N_DAYS_AGO":
      return days(-count, 1);
    case "THIS_MONTH":
      return month(0);
    case "LAST_MONTH":
      return month(-1);
    case "NEXT_MONTH":
      return month(1);
    case "THIS_YEAR":
      return year(0);
    case "LAST_YEAR":
      return year(-1);
    case "NEXT_YEAR":
      return year(1);
    default:
      return null;
  }
}

function monthRange(now: number, offset: number): DateRange {
  const d = new Date(now);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 1);
  return { start, end };
}

function yearRange(now: number, offset: number): DateRange {
  const year = new Date(now).getUTCFullYear() + offset;
  return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
}

export function dateToMillis(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
