import type { FeedbackSummary, SentimentTotals } from "../../feedback/summary/feedback-summary.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { timestamp } from "./timestamp.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rating = (t: SentimentTotals) => (t.average_rating === null ? "-" : t.average_rating.toFixed(2));

function row(name: string, t: SentimentTotals): string {
  return `${name.padEnd(14)} ${String(t.total_feedback).padStart(7)} ${pct(t.positive_ratio).padStart(7)} ${pct(t.negative_ratio).padStart(7)} ${pct(t.neutral_ratio).padStart(7)} ${rating(t).padStart(6)}`;
}

export function renderFeedbackSummary(s: FeedbackSummary, ctx: CliContext): string {
  const p = paint(ctx.color);
  const scope = s.model_version ? ` for model ${s.model_version}` : "";
  if (s.total_feedback === 0)
    return `No feedback${scope} from ${timestamp(s.period.start)} to ${timestamp(s.period.end)}; record some with moodfood feedback explicit <trace-id> --rating N.\n`;
  const { earlier, later } = s.trend_windows;
  const trend =
    s.trend === "insufficient_data"
      ? `trend: not enough feedback to say (${earlier.total} and ${later.total} in the two halves; 10 each needed)`
      : `trend: ${s.trend} (positive ratio ${pct(earlier.positive_ratio ?? 0)} in the first half, ${pct(later.positive_ratio ?? 0)} in the second)`;
  const header = `${"".padEnd(14)} ${"total".padStart(7)} ${"pos".padStart(7)} ${"neg".padStart(7)} ${"neutral".padStart(7)} ${"rating".padStart(6)}`;
  return [
    `${p.bold("Feedback")}${scope}, ${s.period.days} days from ${timestamp(s.period.start)} to ${timestamp(s.period.end)}`,
    header,
    row("all", s),
    trend,
    "",
    p.dim("per day"),
    ...s.per_day.map((d) => row(d.date, d)),
    "",
    p.dim("per model version"),
    ...Object.entries(s.by_model_version).map(([v, t]) => row(v, t)),
    "",
  ].join("\n");
}
