import { isoTime } from "../config/timestamps.js";
import type { FeedbackDayRow } from "../store/interop-queries.js";
import { type JsonObject, LineError, optionalString, requiredNumber, requiredTime } from "./line-fields.js";
import type { OriginalFeedbackMetrics } from "./original-layout.js";

/** The original needed 10 feedback rows before it named a trend. */
const MIN_FOR_TREND = 10;
/** A change in the day's positive share smaller than this is "stable". */
const TREND_STEP = 0.05;
const DAY_MS = 86_400_000;

/**
 * feedback_metrics.jsonl: the original appended a running summary per model version after each feedback; we write
 * one per model version and UTC day, with running totals (as the original's were) up to that day's last feedback.
 */
export function feedbackMetricsLines(days: FeedbackDayRow[]): OriginalFeedbackMetrics[] {
  const lines: OriginalFeedbackMetrics[] = [];
  let model: string | null | undefined;
  let totals = { total: 0, positive: 0, negative: 0, neutral: 0, ratingSum: 0, ratingCount: 0 };
  let previousShare: number | undefined;
  for (const day of days) {
    if (day.model_version !== model) {
      model = day.model_version;
      totals = { total: 0, positive: 0, negative: 0, neutral: 0, ratingSum: 0, ratingCount: 0 };
      previousShare = undefined;
    }
    totals = {
      total: totals.total + day.total,
      positive: totals.positive + day.positive,
      negative: totals.negative + day.negative,
      neutral: totals.neutral + day.neutral,
      ratingSum: totals.ratingSum + day.rating_sum,
      ratingCount: totals.ratingCount + day.rating_count,
    };
    const share = day.total > 0 ? day.positive / day.total : 0;
    lines.push({
      timestamp: isoTime(day.last_at),
      model_version: day.model_version,
      total_feedback: totals.total,
      positive_feedback: totals.positive,
      negative_feedback: totals.negative,
      neutral_feedback: totals.neutral,
      positive_ratio: totals.total > 0 ? totals.positive / totals.total : 0,
      average_rating: totals.ratingCount > 0 ? totals.ratingSum / totals.ratingCount : 0,
      feedback_trend: trend(share, previousShare, totals.total),
      moodfood: {
        derived: true,
        day: isoTime(day.day * DAY_MS).slice(0, 10),
        day_total: day.total,
        day_positive: day.positive,
        day_negative: day.negative,
        day_neutral: day.neutral,
      },
    });
    previousShare = share;
  }
  return lines;
}

function trend(share: number, previous: number | undefined, total: number): OriginalFeedbackMetrics["feedback_trend"] {
  if (previous === undefined || total < MIN_FOR_TREND) return "insufficient_data";
  if (share - previous > TREND_STEP) return "improving";
  if (previous - share > TREND_STEP) return "declining";
  return "stable";
}

/** Summaries are recomputed from the feedback itself, so an imported line is only checked, never stored. */
export function checkFeedbackMetricsLine(line: JsonObject): void {
  requiredTime(line, "timestamp");
  optionalString(line, "model_version");
  for (const key of ["total_feedback", "positive_feedback", "negative_feedback", "neutral_feedback"]) {
    const count = requiredNumber(line, key);
    if (!Number.isInteger(count) || count < 0) throw new LineError(`"${key}" must be a whole number >= 0`);
  }
  requiredNumber(line, "positive_ratio");
}
