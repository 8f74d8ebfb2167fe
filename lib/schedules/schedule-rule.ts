import { CronExpressionParser } from "cron-parser";
import { z } from "zod";

/** Hours that divide a day, so an interval lands on the same local times every day. */
export const INTERVAL_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
export const MINIMUM_MINUTES_BETWEEN_RUNS = 15;

const CRON_EXAMPLE = "for example `0 6 * * 1-5` runs at 06:00 on weekdays";
const CRON_ALIASES = ["@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@weekdays"];

/** Why a cron expression cannot be a schedule, in words an agent can act on; null when fine. */
export function cronProblem(expression: string): string | null {
  const cron = expression.trim();
  const fields = cron.split(/\s+/);
  if (!CRON_ALIASES.includes(cron) && fields.length !== 5) {
    return `A cron expression has five fields (minute, hour, day of month, month, day of week); ${CRON_EXAMPLE}.`;
  }
  if (fields.length === 5 && fields[2] !== "*" && fields[4] !== "*") {
    return "Set either the day of month or the day of week and leave the other as `*`: with both, cron runs on either day, which is rarely what is meant.";
  }

  let times: number[];
  try {
    const parsed = CronExpressionParser.parse(cron, { currentDate: new Date(), tz: "UTC" });
    times = parsed.take(6).map((date) => date.getTime());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `The cron expression \`${cron}\` is not valid (${reason}); ${CRON_EXAMPLE}.`;
  }

  const gaps = times.slice(1).map((time, i) => (time - times[i]!) / 60_000);
  if (gaps.some((minutes) => minutes < MINIMUM_MINUTES_BETWEEN_RUNS)) {
    return `The cron expression \`${cron}\` runs more often than every ${MINIMUM_MINUTES_BETWEEN_RUNS} minutes; syncs that frequent use up the org's API requests.`;
  }
  return null;
}

export const scheduleRuleSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("interval"),
    everyHours: z.coerce
      .number({ error: "Give the number of hours between syncs." })
      .refine((hours) => (INTERVAL_HOURS as readonly number[]).includes(hours), {
        error: `Choose every ${INTERVAL_HOURS.join(", ")} hours, so syncs fall at the same times each day; use a cron expression for anything else.`,
      }),
  }),
  z.object({
    type: z.literal("cron"),
    cron: z
      .string({ error: "Give a cron expression." })
      .trim()
      .min(1, `Give a cron expression; ${CRON_EXAMPLE}.`)
      .superRefine((cron, context) => {
        const problem = cronProblem(cron);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
  }),
]);

export type ScheduleRule = z.infer<typeof scheduleRuleSchema>;

/** The columns of a schedule row that hold its rule. */
export type StoredRule = { everyHours: number | null; cron: string | null };

export function ruleColumns(rule: ScheduleRule): StoredRule {
  if (rule.type === "interval") return { everyHours: rule.everyHours, cron: null };
  return { everyHours: null, cron: rule.cron };
}

export function ruleOf(stored: StoredRule): ScheduleRule {
  if (stored.cron !== null) return { type: "cron", cron: stored.cron };
  return { type: "interval", everyHours: stored.everyHours ?? 24 };
}

/** The cron expression a rule runs on: an interval counts its hours from local midnight. */
export function cronOf(stored: StoredRule): string {
  if (stored.cron !== null) return stored.cron;
  const hours = stored.everyHours ?? 24;
  return hours >= 24 ? "0 0 * * *" : `0 */${hours} * * *`;
}

/** "every 6 hours" or "cron 0 6 * * 1-5", for the schedule's line on a page. */
export function describeRule(stored: StoredRule): string {
  if (stored.cron !== null) return `cron ${stored.cron}`;
  const hours = stored.everyHours ?? 24;
  return hours === 1
    ? "every hour"
    : hours === 24
      ? "every day at midnight"
      : `every ${hours} hours`;
}
