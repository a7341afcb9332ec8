import type { Store } from "../../store/store.js";

/** A window's samples, shaped for the signals. */
export interface WindowData {
  n: number;
  confidences: Float64Array;
  labels: Record<string, number>;
  labelledTraces: number;
  decisions: Record<string, number>;
  agreement: Record<string, number>;
  /** Feedback split into `positive` and `not_positive`: the signal is the positive ratio (DESIGN §6). */
  feedback: Record<string, number>;
}

export async function readWindow(store: Store, start: number, end: number, modelVersion: string): Promise<WindowData> {
  const rows = await store.drift.samples(start, end, modelVersion);
  const confidences: number[] = [];
  const labels: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  const agreement: Record<string, number> = {};
  let labelledTraces = 0;
  for (const row of rows) {
    if (row.confidence !== null) confidences.push(row.confidence);
    const traceLabels = JSON.parse(row.labels) as string[];
    if (traceLabels.length > 0) labelledTraces++;
    for (const label of traceLabels) labels[label] = (labels[label] ?? 0) + 1;
    if (row.final_decision) decisions[row.final_decision] = (decisions[row.final_decision] ?? 0) + 1;
    if (row.agreement !== null) {
      const key = row.agreement ? "agree" : "disagree";
      agreement[key] = (agreement[key] ?? 0) + 1;
    }
  }
  return {
    n: rows.length,
    confidences: Float64Array.from(confidences),
    labels,
    labelledTraces,
    decisions,
    agreement,
    feedback: positiveRatioCounts(await store.drift.feedbackCounts(start, end, modelVersion)),
  };
}

/**
 * Sentiment counts folded to positive vs the rest. Three sentiments on a day's few dozen feedback
 * rows make a sparse table whose rare neutral cell alone can look significant; the ratio is the signal.
 */
export function positiveRatioCounts(sentiments: Record<string, number>): Record<string, number> {
  let positive = 0;
  let notPositive = 0;
  for (const [sentiment, n] of Object.entries(sentiments)) {
    if (sentiment === "positive") positive += n;
    else notPositive += n;
  }
  return positive + notPositive === 0 ? {} : { positive, not_positive: notPositive };
}
