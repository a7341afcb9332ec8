import { UsageError } from "../errors.js";

export interface SimulateOptions {
  days: number;
  perDay: number;
  seed: string;
  /** Share of traces that get feedback, 0..1. */
  feedbackRate: number;
  /** Share of LLM calls that fail, 0..1. */
  llmFailureRate: number;
  /** First drifted day, 1 = the oldest; null keeps every day stationary. */
  driftDay: number | null;
  /** Add to a range that already holds traces (otherwise simulate refuses, exit 1). */
  append?: boolean;
  /** Traces (and feedback rows) per write transaction. */
  batchSize?: number;
}

/** Rejects impossible options as usage errors (before anything is opened or written). */
export function checkSimulateOptions(o: SimulateOptions): void {
  const whole = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
  if (!whole(o.days, 1)) throw new UsageError("invalid_days", "--days must be a whole number >= 1.");
  if (!whole(o.perDay, 1)) throw new UsageError("invalid_per_day", "--per-day must be a whole number >= 1.");
  for (const [flag, rate] of [
    ["--feedback-rate", o.feedbackRate],
    ["--llm-failure-rate", o.llmFailureRate],
  ] as const) {
    if (!(rate >= 0 && rate <= 1)) throw new UsageError("invalid_rate", `${flag} must be a number from 0 to 1.`);
  }
  if (o.driftDay !== null && !(Number.isSafeInteger(o.driftDay) && o.driftDay >= 1 && o.driftDay <= o.days)) {
    throw new UsageError("invalid_drift_day", `--drift-day must be a day from 1 (the oldest) to ${o.days}.`);
  }
}
