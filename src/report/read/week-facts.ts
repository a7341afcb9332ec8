import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";
import { type DriftFacts, readDrift } from "./drift.js";
import { type FeedbackFacts, readFeedback } from "./feedback.js";
import { type HealthFacts, readHealth } from "./health.js";
import { type LabelFacts, readLabels } from "./labels.js";
import { type LatencyFacts, readLatency } from "./latency.js";
import { type LlmFacts, readLlm } from "./llm.js";
import { type QueryTally, readQueryCounts, sumTallies } from "./query-counts.js";
import { type RetrainFacts, readRetraining } from "./retraining.js";

/** Everything the report knows about one week, as read from the store. */
export interface WeekFacts {
  period: WeekPeriod;
  days: QueryTally[];
  week: QueryTally;
  labels: LabelFacts;
  latency: LatencyFacts;
  llm: LlmFacts;
  drift: DriftFacts;
  feedback: FeedbackFacts;
  retrains: RetrainFacts[];
  health: HealthFacts;
}

/** Reads one week; call inside store.snapshot so every figure comes from the same moment. */
export function readWeekFacts(store: Store, period: WeekPeriod, abandonedBefore: number): WeekFacts {
  const days = readQueryCounts(store, period);
  return {
    period,
    days,
    week: sumTallies(days),
    labels: readLabels(store, period, abandonedBefore),
    latency: readLatency(store, period),
    llm: readLlm(store, period),
    drift: readDrift(store, period),
    feedback: readFeedback(store, period),
    retrains: readRetraining(store, period),
    health: readHealth(store, period),
  };
}
