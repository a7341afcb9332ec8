/** Counts of one window of feedback. */
export interface WindowCounts {
  total: number;
  positive: number;
}

export type TrendDirection = "improving" | "declining" | "stable" | "insufficient_data";

/** Each half needs this many feedback rows before a direction is named (the original's threshold). */
export const MIN_PER_WINDOW = 10;
/** A change in positive ratio smaller than this is called stable however significant. */
export const MIN_CHANGE = 0.05;
/** Two-sided 5 % for the two-proportion z-test. */
const Z_CRITICAL = 1.96;

/**
 * Direction of the positive ratio between two equal windows (the earlier and the later half of the period):
 * improving/declining only when the change is both large (>= MIN_CHANGE) and real (two-proportion z-test, 5 %).
 */
export function trendDirection(earlier: WindowCounts, later: WindowCounts): { direction: TrendDirection; change: number | null } {
  if (earlier.total < MIN_PER_WINDOW || later.total < MIN_PER_WINDOW) return { direction: "insufficient_data", change: null };
  const p1 = earlier.positive / earlier.total;
  const p2 = later.positive / later.total;
  const change = Math.round((p2 - p1) * 10000) / 10000;
  const pooled = (earlier.positive + later.positive) / (earlier.total + later.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / earlier.total + 1 / later.total));
  const z = se === 0 ? 0 : (p2 - p1) / se;
  if (Math.abs(p2 - p1) < MIN_CHANGE || Math.abs(z) < Z_CRITICAL) return { direction: "stable", change };
  return { direction: p2 > p1 ? "improving" : "declining", change };
}
