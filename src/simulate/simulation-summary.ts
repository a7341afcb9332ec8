import type { SimulateOptions } from "./simulate-options.js";
import { addCounts, type DayTally, emptyFeedbackCounts } from "./simulation-tally.js";

const DAY_MS = 86_400_000;

export interface SimulateSummary {
  seed: string;
  days: number;
  per_day: number;
  drift_day: number | null;
  from: string;
  to: string;
  queries: number;
  errors: number;
  decisions: Record<string, number>;
  llm_failures: Record<string, number>;
  feedback: DayTally["feedback"];
  per_day_counts: DayTally[];
  elapsed_ms: number;
  /** Set when an earlier simulate into this store was killed part-way (its partial history is still there). */
  interrupted_earlier?: string | null;
}

/** Totals over the days, with each day's counts kept for the per-day table. */
export function summarise(options: SimulateOptions, tallies: DayTally[], firstDay: number, elapsed: number): SimulateSummary {
  const decisions: Record<string, number> = {};
  const llmFailures: Record<string, number> = {};
  const feedback = emptyFeedbackCounts();
  for (const t of tallies) {
    addCounts(decisions, t.decisions);
    addCounts(llmFailures, t.llm_failures);
    addCounts(feedback, t.feedback);
  }
  return {
    seed: options.seed,
    days: options.days,
    per_day: options.perDay,
    drift_day: options.driftDay,
    from: new Date(firstDay).toISOString(),
    to: new Date(firstDay + options.days * DAY_MS).toISOString(),
    queries: tallies.reduce((n, t) => n + t.queries, 0),
    errors: tallies.reduce((n, t) => n + t.errors, 0),
    decisions,
    llm_failures: llmFailures,
    feedback,
    per_day_counts: tallies,
    elapsed_ms: Math.round(elapsed),
  };
}
