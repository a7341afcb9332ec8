// The exposed metric families (DESIGN §5 contract names, types and labels), one row each.
// Counters and histograms are rendered from the store's rollups (any writer that calls
// store.rollups.apply with these names shows up); gauges come from gauges.ts.

export type MetricType = "counter" | "gauge" | "histogram";

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  labelNames: readonly string[];
}

const family = (name: string, type: MetricType, labelNames: readonly string[], help: string): MetricFamily => ({
  name,
  type,
  help,
  labelNames,
});

export const METRIC_FAMILIES: readonly MetricFamily[] = [
  family("moodfood_queries_total", "counter", ["status", "decision", "model_version"], "Queries that entered the pipeline, by outcome."),
  family(
    "moodfood_query_processing_time_ms",
    "histogram",
    ["stage", "decision", "model_version"],
    "Query processing time in milliseconds, per pipeline stage and stage total.",
  ),
  family("moodfood_trace_events_total", "counter", ["stage", "status", "model_version"], "Trace spans recorded, per stage and status."),
  family("moodfood_trace_duration_ms", "histogram", ["status", "model_version"], "Whole-trace duration in milliseconds."),
  family(
    "moodfood_llm_api_calls_total",
    "counter",
    ["model", "status", "reason"],
    "LLM semantic-parser calls, by model, status and reason.",
  ),
  family("moodfood_llm_api_latency_ms", "histogram", ["model", "status"], "LLM call latency in milliseconds."),
  family(
    "moodfood_llm_circuit_open",
    "gauge",
    ["model"],
    "1 while the shared LLM circuit breaker for a model is open (not yet closed by a successful probe).",
  ),
  family("moodfood_llm_circuit_openings_total", "counter", ["model"], "Times the shared LLM circuit breaker opened (from closed)."),
  family("moodfood_system_health", "gauge", [], "System health score 0-100, as last computed by moodfood health."),
  family("moodfood_current_model_version", "gauge", ["version"], "1 for the active ML model version."),
  family(
    "moodfood_model_accuracy",
    "gauge",
    ["model_version"],
    "Held-out top-label accuracy of a model version, from its training record.",
  ),
  family(
    "moodfood_drift_score",
    "gauge",
    ["type", "model_version"],
    "Latest drift score per signal type, as computed by moodfood drift check.",
  ),
  family("moodfood_drift_alerts_total", "counter", ["type", "severity", "model_version"], "Drift alerts raised."),
  family(
    "moodfood_user_feedback_total",
    "counter",
    ["type", "sentiment", "model_version"],
    "User feedback received, explicit and implicit.",
  ),
  family("moodfood_feedback_score", "gauge", ["model_version"], "Feedback score from -1 (all negative) to 1 (all positive)."),
  family("moodfood_training_buffer_size", "gauge", [], "Examples waiting in the retraining buffer."),
  family("moodfood_training_buffer_gold_ratio", "gauge", [], "Share of gold (explicit positive) examples in the retraining buffer."),
  family("moodfood_retrains_total", "counter", ["status", "trigger", "model_version"], "Retraining runs, by outcome and trigger."),
];
