import { describe, expect, it } from "vitest";
import { isoWeekOf, lastCompleteWeek, parseIsoWeek, weekPeriod } from "../../src/report/iso-week.js";

const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const iso = (ms: number) => new Date(ms).toISOString();

describe("ISO weeks", () => {
  it("parses YYYY-Www to its Monday and refuses weeks that do not exist", () => {
    expect(parseIsoWeek("2026-W01")).toBe(dayOf("2025-12-29"));
    expect(parseIsoWeek("2020-W53")).toBe(dayOf("2020-12-28"));
    for (const bad of ["2021-W53", "2026-W00", "2026-W54", "2026-1", "2026W01", "26-W01", ""]) expect(parseIsoWeek(bad)).toBeUndefined();
  });

  it("names the week of a day by the year its Thursday falls in", () => {
    expect(isoWeekOf(dayOf("2021-01-01"))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(dayOf("2024-12-30"))).toEqual({ year: 2025, week: 1 });
    expect(weekPeriod(dayOf("2025-12-29"), "UTC").week).toBe("2026-W01");
  });

  it("defaults to the last week that has fully ended, whatever the weekday and hour", () => {
    for (let hour = 0; hour < 7 * 24; hour += 5) {
      const now = Date.parse("2026-01-05T00:00:00Z") + hour * 3_600_000 + 1;
      expect(weekPeriod(lastCompleteWeek(now, "UTC"), "UTC").week).toBe("2026-W01");
    }
    expect(weekPeriod(lastCompleteWeek(Date.parse("2026-01-04T23:59:59Z"), "UTC"), "UTC").week).toBe("2025-W52");
  });

  it("begins each day at local midnight in the zone, DST weeks included", () => {
    const kolkata = weekPeriod(dayOf("2025-12-29"), "Asia/Kolkata");
    expect(iso(kolkata.start)).toBe("2025-12-28T18:30:00.000Z");
    expect(iso(kolkata.end)).toBe("2026-01-04T18:30:00.000Z");
    // New York springs forward on Sunday 8 March 2026: that day has 23 hours.
    const ny = weekPeriod(dayOf("2026-03-02"), "America/New_York");
    expect(iso(ny.bounds[6] as number)).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(ny.end)).toBe("2026-03-09T04:00:00.000Z");
    expect(ny.dates).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
  });
});
