import { civilDate, dayStart, isoWeekday, localDay } from "./time-zone.js";

const DAY_MS = 86_400_000;

/** One ISO week in a zone: its Monday's civil day and the instants each of its days begins. */
export interface WeekPeriod {
  /** "2026-W01" */
  week: string;
  timeZone: string;
  /** Civil day number of the Monday. */
  monday: number;
  /** Start of each day and the end of Sunday: 8 instants, epoch ms. */
  bounds: number[];
  /** "2025-12-29" … "2026-01-04" */
  dates: string[];
  start: number;
  end: number;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Civil day of the Monday of ISO week 1 of `year` (the week holding 4 January). */
function firstMonday(year: number): number {
  const jan4 = Math.floor(Date.UTC(year, 0, 4) / DAY_MS);
  return jan4 - (isoWeekday(jan4) - 1);
}

/** ISO year and week number of a civil day. */
export function isoWeekOf(day: number): { year: number; week: number } {
  const thursday = day - isoWeekday(day) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: Math.floor((thursday - firstMonday(year)) / 7) + 1 };
}

const label = (year: number, week: number) => `${year}-W${String(week).padStart(2, "0")}`;

/** The Monday of "YYYY-Www", or undefined when there is no such week (2026-W54, 2025-W00). */
export function parseIsoWeek(text: string): number | undefined {
  const match = WEEK_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  const monday = firstMonday(year) + (week - 1) * 7;
  const back = isoWeekOf(monday);
  return week >= 1 && back.year === year && back.week === week ? monday : undefined;
}

/** The week starting on civil day `monday`, its days beginning at local midnight in `zone`. */
export function weekPeriod(monday: number, timeZone: string): WeekPeriod {
  const { year, week } = isoWeekOf(monday);
  const bounds = Array.from({ length: 8 }, (_, i) => dayStart(monday + i, timeZone));
  return {
    week: label(year, week),
    timeZone,
    monday,
    bounds,
    dates: Array.from({ length: 7 }, (_, i) => civilDate(monday + i)),
    start: bounds[0] as number,
    end: bounds[7] as number,
  };
}

/** The Monday of the last ISO week that has fully ended at `now` in `zone`. */
export function lastCompleteWeek(now: number, timeZone: string): number {
  const today = localDay(now, timeZone);
  return today - (isoWeekday(today) - 1) - 7;
}
