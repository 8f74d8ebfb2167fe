import { describe, expect, test } from "vitest";
import { InvalidTimeZone } from "@/lib/schedules/errors";
import { nextRunAt, upcomingRuns } from "@/lib/schedules/next-run-at";

const daily9 = { everyHours: null, cron: "0 9 * * *" };
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe("nextRunAt", () => {
  test("keeps 09:00 local in Berlin across the spring daylight saving change", () => {
    // 28 March 2026 is CET (UTC+1); clocks go to CEST (UTC+2) on the night to 29 March.
    const from = new Date("2026-03-28T08:00:00Z");
    expect(nextRunAt(daily9, "Europe/Berlin", from).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(iso(upcomingRuns(daily9, "Europe/Berlin", new Date("2026-03-27T12:00:00Z"), 3))).toEqual(
      ["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"],
    );
  });

  test("keeps 09:00 local in New York across its own change, weeks earlier", () => {
    expect(
      iso(upcomingRuns(daily9, "America/New_York", new Date("2026-03-07T12:00:00Z"), 3)),
    ).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
  });

  test("is strictly after the given time, so a claimed time is never due again", () => {
    const at = new Date("2026-03-28T08:00:00Z");
    expect(nextRunAt(daily9, "Europe/Berlin", at).toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  test("counts every 6 hours from local midnight, on local times across the change", () => {
    const every6 = { everyHours: 6, cron: null };
    expect(iso(upcomingRuns(every6, "Europe/Berlin", new Date("2026-03-28T20:00:00Z"), 4))).toEqual(
      [
        "2026-03-28T23:00:00.000Z", // 00:00 CET
        "2026-03-29T04:00:00.000Z", // 06:00 CEST: five real hours, the night was short
        "2026-03-29T10:00:00.000Z",
        "2026-03-29T16:00:00.000Z",
      ],
    );
  });

  test("runs a local time the spring night skips once, an hour later", () => {
    const at0230 = { everyHours: null, cron: "30 2 * * *" };
    expect(iso(upcomingRuns(at0230, "Europe/Berlin", new Date("2026-03-28T12:00:00Z"), 2))).toEqual(
      [
        "2026-03-29T01:30:00.000Z", // 03:30 CEST
        "2026-03-30T00:30:00.000Z",
      ],
    );
  });

  test("runs a local time the autumn night repeats only once", () => {
    const at0230 = { everyHours: null, cron: "30 2 * * *" };
    expect(iso(upcomingRuns(at0230, "Europe/Berlin", new Date("2026-10-24T12:00:00Z"), 2))).toEqual(
      [
        "2026-10-25T00:30:00.000Z", // the first 02:30, still CEST
        "2026-10-26T01:30:00.000Z",
      ],
    );
  });

  test("refuses a time zone that does not exist, in words an agent can act on", () => {
    expect(() => nextRunAt(daily9, "Mars/Olympus", new Date())).toThrow(InvalidTimeZone);
    expect(() => nextRunAt(daily9, "Mars/Olympus", new Date())).toThrow(
      'The organisation\'s time zone "Mars/Olympus" is not one we know; set an IANA name such as Europe/Berlin.',
    );
  });
});
