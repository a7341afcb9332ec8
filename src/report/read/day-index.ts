import type { WeekPeriod } from "../iso-week.js";

/** Which day of the week (0 = Monday) instant `at` falls in; -1 outside the week. */
export function dayIndex(period: WeekPeriod, at: number): number {
  if (at < period.start || at >= period.end) return -1;
  let day = 0;
  while (day < 6 && at >= (period.bounds[day + 1] as number)) day++;
  return day;
}
