import { describe, expect, test } from "vitest";
import { cronOf, describeRule, scheduleRuleSchema } from "@/lib/schedules/schedule-rule";

function firstMessage(input: unknown) {
  const parsed = scheduleRuleSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]!.message;
}

describe("scheduleRuleSchema", () => {
  test("accepts intervals that divide a day and five-field cron expressions", () => {
    expect(scheduleRuleSchema.parse({ type: "interval", everyHours: "6" })).toEqual({
      type: "interval",
      everyHours: 6,
    });
    expect(scheduleRuleSchema.parse({ type: "cron", cron: " 0 6 * * 1-5 " })).toEqual({
      type: "cron",
      cron: "0 6 * * 1-5",
    });
    expect(firstMessage({ type: "cron", cron: "@daily" })).toBeNull();
  });

  test("explains an interval that does not divide a day", () => {
    expect(firstMessage({ type: "interval", everyHours: 5 })).toBe(
      "Choose every 1, 2, 3, 4, 6, 8, 12, 24 hours, so syncs fall at the same times each day; use a cron expression for anything else.",
    );
  });

  test("explains what is wrong with a cron expression", () => {
    expect(firstMessage({ type: "cron", cron: "0 6 * *" })).toBe(
      "A cron expression has five fields (minute, hour, day of month, month, day of week); for example `0 6 * * 1-5` runs at 06:00 on weekdays.",
    );
    expect(firstMessage({ type: "cron", cron: "61 6 * * *" })).toBe(
      "The cron expression `61 6 * * *` is not valid (Constraint error, got value 61 expected range 0-59); for example `0 6 * * 1-5` runs at 06:00 on weekdays.",
    );
    expect(firstMessage({ type: "cron", cron: "*/5 * * * *" })).toBe(
      "The cron expression `*/5 * * * *` runs more often than every 15 minutes; syncs that frequent use up the org's API requests.",
    );
    expect(firstMessage({ type: "cron", cron: "0 6 1 * 1" })).toMatch(
      /^Set either the day of month or the day of week/,
    );
    expect(firstMessage({ type: "cron", cron: "  " })).toBe(
      "Give a cron expression; for example `0 6 * * 1-5` runs at 06:00 on weekdays.",
    );
  });

  test("stores an interval as the cron expression it runs on, and says it in words", () => {
    expect(cronOf({ everyHours: 6, cron: null })).toBe("0 */6 * * *");
    expect(cronOf({ everyHours: 24, cron: null })).toBe("0 0 * * *");
    expect(describeRule({ everyHours: 6, cron: null })).toBe("every 6 hours");
    expect(describeRule({ everyHours: null, cron: "0 6 * * 1-5" })).toBe("cron 0 6 * * 1-5");
  });
});
