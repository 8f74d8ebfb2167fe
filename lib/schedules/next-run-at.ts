import { CronExpressionParser } from "cron-parser";
import { InvalidTimeZone } from "@/lib/schedules/errors";
import { cronOf, type StoredRule } from "@/lib/schedules/schedule-rule";

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The first time strictly after `from` that the rule is due, read in the organisation's time
 * zone: `0 9 * * *` stays at 09:00 local across daylight saving changes, and a local time that
 * does not exist that night (02:30 when clocks jump from 02:00 to 03:00) runs an hour later.
 */
export function nextRunAt(schedule: StoredRule, timeZone: string, from: Date): Date {
  if (!isTimeZone(timeZone)) throw new InvalidTimeZone(timeZone);
  const expression = CronExpressionParser.parse(cronOf(schedule), {
    currentDate: from,
    tz: timeZone,
  });
  return expression.next().toDate();
}

/** The next `count` due times, for a schedule's preview ("then 12:00, 18:00, ..."). */
export function upcomingRuns(schedule: StoredRule, timeZone: string, from: Date, count: number) {
  if (!isTimeZone(timeZone)) throw new InvalidTimeZone(timeZone);
  const expression = CronExpressionParser.parse(cronOf(schedule), {
    currentDate: from,
    tz: timeZone,
  });
  return expression.take(count).map((date) => date.toDate());
}
