import { CIRCUIT_OPENINGS } from "../../pipeline/providers/circuit-breaker.js";
import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";

const HOUR_MS = 3_600_000;

export interface LlmFacts {
  calls: number;
  failed: number;
  /** Failed calls per reason (timeout, http_4xx, http_5xx, network, invalid_output, circuit_open). */
  failures_by_reason: Record<string, number>;
  /** Calls refused without going out because the shared circuit breaker was open. */
  circuit_refused: number;
  /** Times the circuit breaker opened (moodfood_llm_circuit_openings_total). */
  circuit_openings: number;
  by_model: Record<string, { calls: number; failed: number }>;
}

/** LLM calls of the week from the hourly rollups of moodfood_llm_api_calls_total{model,status,reason}. */
export async function readLlm(store: Store, period: WeekPeriod): Promise<LlmFacts> {
  const from = Math.floor(period.start / HOUR_MS);
  const to = Math.floor(period.end / HOUR_MS);
  const facts: LlmFacts = { calls: 0, failed: 0, failures_by_reason: {}, circuit_refused: 0, circuit_openings: 0, by_model: {} };
  for (const row of await store.report.counterHours("moodfood_llm_api_calls_total", from, to)) {
    const { model = "unknown", status = "ok", reason = "ok" } = row.labels;
    const failed = status !== "ok";
    facts.calls += row.value;
    const perModel = facts.by_model[model] ?? { calls: 0, failed: 0 };
    facts.by_model[model] = perModel;
    perModel.calls += row.value;
    if (!failed) continue;
    facts.failed += row.value;
    perModel.failed += row.value;
    facts.failures_by_reason[reason] = (facts.failures_by_reason[reason] ?? 0) + row.value;
    if (reason === "circuit_open") facts.circuit_refused += row.value;
  }
  for (const row of await store.report.counterHours(CIRCUIT_OPENINGS, from, to)) facts.circuit_openings += row.value;
  return facts;
}
