import type { Change } from "./weekly-report.js";

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** Change of a count or a time: difference and percent (null percent when previous is 0 or missing). */
export function countChange(current: number | null, previous: number | null, places = 3): Change {
  if (current === null || previous === null) return { previous, change: null, change_pct: null };
  return {
    previous,
    change: round(current - previous, places),
    change_pct: previous === 0 ? null : round(((current - previous) / previous) * 100, 1),
  };
}

/** Change of a ratio: the difference only (0.05 = 5 points); a percent of a percent misleads. */
export function ratioChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { previous, change: null, change_pct: null };
  return { previous, change: round(current - previous, 4), change_pct: null };
}

/** A share rounded to 4 places, null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));
