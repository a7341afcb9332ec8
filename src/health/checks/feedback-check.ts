import { type CheckResult, type HealthInputs, notChecked, storeOf } from "../types.js";

/** Negative feedback of the last day: warn from 40 %, judged on at least 10 items. Unhappy users degrade, never break. */
export const NEGATIVE_FEEDBACK = { warn: 0.4, minItems: 10 } as const;
const DAY_MS = 86_400_000;

export async function feedbackCheck(inputs: HealthInputs): Promise<CheckResult> {
  const store = storeOf(inputs);
  if (!store) return notChecked("feedback", "negative_ratio", "feedback lives in the store, which cannot be read");
  const counts = await store.health.feedbackSentiments(inputs.now - DAY_MS, inputs.now + 1);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const negative = counts.negative ?? 0;
  const base = { component: "feedback", measurement: "negative_ratio", observed_unit: "ratio" } as const;
  if (total === 0) return { ...base, status: "pass", observed_value: null, output: "no feedback in the last day" };
  const ratio = negative / total;
  const judged = total >= NEGATIVE_FEEDBACK.minItems;
  const warn = judged && ratio >= NEGATIVE_FEEDBACK.warn;
  return {
    ...base,
    status: warn ? "warn" : "pass",
    observed_value: Math.round(ratio * 10_000) / 10_000,
    output: `${negative} of ${total} feedback items negative in the last day (${(100 * ratio).toFixed(0)} %)${judged ? "" : " (too few to judge)"}${warn ? "; see moodfood feedback summary" : ""}`,
  };
}
