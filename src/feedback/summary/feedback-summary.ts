import type { FeedbackDayCounts } from "../../store/feedback-queries.js";
import type { Store } from "../../store/store.js";
import { type TrendDirection, trendDirection } from "./trend.js";

const DAY_MS = 86_400_000;

export interface SentimentTotals {
  total_feedback: number;
  positive: number;
  negative: number;
  neutral: number;
  positive_ratio: number;
  negative_ratio: number;
  neutral_ratio: number;
  /** Mean of the explicit ratings (1-5), null when there are none. */
  average_rating: number | null;
  ratings: number;
  /** (positive − negative) / total, −1..1 (moodfood_feedback_score). */
  score: number;
}

/** `feedback summary --json` (DESIGN §12 fields first). */
export interface FeedbackSummary extends SentimentTotals {
  trend: TrendDirection;
  /** Positive ratio of the later half minus the earlier half; null with too little feedback. */
  trend_change: number | null;
  trend_windows: { earlier: WindowTotals; later: WindowTotals };
  per_day: (SentimentTotals & { date: string })[];
  by_model_version: Record<string, SentimentTotals>;
  period: { start: string; end: string; days: number };
  model_version: string | null;
}

interface WindowTotals {
  start: string;
  end: string;
  total: number;
  positive: number;
  positive_ratio: number | null;
}

type Counts = Pick<FeedbackDayCounts, "total" | "positive" | "negative" | "neutral" | "rating_sum" | "rating_count">;
const EMPTY: Counts = { total: 0, positive: 0, negative: 0, neutral: 0, rating_sum: 0, rating_count: 0 };
const round = (x: number) => Math.round(x * 10000) / 10000;

function add(a: Counts, b: Counts): Counts {
  return {
    total: a.total + b.total,
    positive: a.positive + b.positive,
    negative: a.negative + b.negative,
    neutral: a.neutral + b.neutral,
    rating_sum: a.rating_sum + b.rating_sum,
    rating_count: a.rating_count + b.rating_count,
  };
}

function totals(c: Counts): SentimentTotals {
  const ratio = (n: number) => (c.total === 0 ? 0 : round(n / c.total));
  return {
    total_feedback: c.total,
    positive: c.positive,
    negative: c.negative,
    neutral: c.neutral,
    positive_ratio: ratio(c.positive),
    negative_ratio: ratio(c.negative),
    neutral_ratio: ratio(c.neutral),
    average_rating: c.rating_count === 0 ? null : round(c.rating_sum / c.rating_count),
    ratings: c.rating_count,
    score: ratio(c.positive - c.negative),
  };
}

/**
 * Feedback of the last `days` UTC days (today included), optionally of one model version: totals, ratios,
 * average rating, a row per day, and the trend between the two equal halves of the period.
 */
export async function summariseFeedback(
  store: Store,
  options: { days: number; modelVersion?: string; now: number },
): Promise<FeedbackSummary> {
  const today = Math.floor(options.now / DAY_MS);
  const since = (today - options.days + 1) * DAY_MS;
  const until = (today + 1) * DAY_MS;
  const mid = since + (until - since) / 2;
  const rows = (await store.feedback.dayCounts(since, until)).filter(
    (r) => options.modelVersion === undefined || r.model_version === options.modelVersion,
  );
  const halves =
    options.modelVersion === undefined
      ? await store.feedback.windowCounts(since, mid, until)
      : await store.feedback.windowCounts(since, mid, until, options.modelVersion);

  let all = EMPTY;
  const perDay = new Map<number, Counts>();
  const perModel = new Map<string, Counts>();
  for (const row of rows) {
    all = add(all, row);
    perDay.set(row.day, add(perDay.get(row.day) ?? EMPTY, row));
    const version = row.model_version ?? "none";
    perModel.set(version, add(perModel.get(version) ?? EMPTY, row));
  }
  const { direction, change } = trendDirection(halves.earlier, halves.later);
  const windowTotals = (start: number, end: number, c: { total: number; positive: number }): WindowTotals => ({
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    total: c.total,
    positive: c.positive,
    positive_ratio: c.total === 0 ? null : round(c.positive / c.total),
  });
  return {
    ...totals(all),
    trend: direction,
    trend_change: change,
    trend_windows: { earlier: windowTotals(since, mid, halves.earlier), later: windowTotals(mid, until, halves.later) },
    per_day: Array.from({ length: options.days }, (_, i) => {
      const day = today - options.days + 1 + i;
      return { date: new Date(day * DAY_MS).toISOString().slice(0, 10), ...totals(perDay.get(day) ?? EMPTY) };
    }),
    by_model_version: Object.fromEntries([...perModel].sort(([a], [b]) => (a < b ? -1 : 1)).map(([v, c]) => [v, totals(c)])),
    period: { start: new Date(since).toISOString(), end: new Date(until).toISOString(), days: options.days },
    model_version: options.modelVersion ?? null,
  };
}
