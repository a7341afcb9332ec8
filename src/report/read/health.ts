import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";
import { dayIndex } from "./day-index.js";

export interface ScoreRange {
  checks: number;
  min: number | null;
  mean: number | null;
  max: number | null;
}

export interface HealthFacts extends ScoreRange {
  statusCounts: Record<string, number>;
  last: { at: number; status: string; score: number } | null;
  perDay: ScoreRange[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function range(scores: number[]): ScoreRange {
  if (scores.length === 0) return { checks: 0, min: null, mean: null, max: null };
  return {
    checks: scores.length,
    min: Math.min(...scores),
    mean: round1(scores.reduce((a, b) => a + b, 0) / scores.length),
    max: Math.max(...scores),
  };
}

/** The health history (moodfood health and metrics serve's minute timer) recorded during the week. */
export async function readHealth(store: Store, period: WeekPeriod): Promise<HealthFacts> {
  const rows = await store.health.between(period.start, period.end);
  const statusCounts: Record<string, number> = {};
  const perDay: number[][] = Array.from({ length: 7 }, () => []);
  for (const row of rows) {
    statusCounts[row.status] = (statusCounts[row.status] ?? 0) + 1;
    perDay[dayIndex(period, row.checked_at)]?.push(row.score);
  }
  const lastRow = rows[rows.length - 1];
  return {
    ...range(rows.map((r) => r.score)),
    statusCounts,
    last: lastRow ? { at: lastRow.checked_at, status: lastRow.status, score: lastRow.score } : null,
    perDay: perDay.map(range),
  };
}
