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
export async function readWeekFacts(store: Store, period: WeekPeriod, abandonedBefore: number): Promise<WeekFacts> {
  const days = await readQueryCounts(store, period);
  return {
    period,
    days,
    week: sumTallies(days),
    labels: await readLabels(store, period, abandonedBefore),
    latency: await readLatency(store, period),
    llm: await readLlm(store, period),
    drift: await readDrift(store, period),
    feedback: await readFeedback(store, period),
    retrains: await readRetraining(store, period),
    health: await readHealth(store, period),
  };
}
