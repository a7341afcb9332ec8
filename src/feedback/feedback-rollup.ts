import type { FeedbackRecord } from "../records/feedback.js";
import type { CounterIncrement } from "../store/rollup-queries.js";

/** The `moodfood_user_feedback_total{type,sentiment,model_version}` increment of one feedback row. */
export function feedbackCounter(record: FeedbackRecord): CounterIncrement {
  return {
    name: "moodfood_user_feedback_total",
    labels: { type: record.type, sentiment: record.sentiment, model_version: record.model_version ?? "none" },
    value: 1,
  };
}
