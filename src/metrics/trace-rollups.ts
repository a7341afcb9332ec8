import type { TraceRecord } from "../records/trace.js";
import type { CounterIncrement, HistogramObservation } from "../store/rollup-queries.js";
import type { CompletedTrace } from "../store/store.js";
import { bucketIndex, MS_BUCKETS } from "./buckets.js";

const NONE = "none";

/** The metric rollup increments one finished trace contributes (DESIGN §5 names and labels). */
export function rollupsForTrace(trace: TraceRecord): CompletedTrace {
  const model_version = trace.model_version ?? NONE;
  const decision = trace.final_decision ?? NONE;
  const status = trace.status === "ok" ? "ok" : "error";
  const at = trace.ended_at ?? trace.started_at;
  const counters: CounterIncrement[] = [{ name: "moodfood_queries_total", labels: { status, decision, model_version }, value: 1 }];
  const histograms: HistogramObservation[] = [];
  const observe = (name: string, labels: Record<string, string>, value: number, exemplar?: string) =>
    histograms.push({
      name,
      labels,
      value,
      bucketIndex: bucketIndex(value),
      bucketCount: MS_BUCKETS.length + 1,
      exemplarTraceId: exemplar,
      at,
    });

  const total = trace.duration_ms ?? 0;
  observe("moodfood_query_processing_time_ms", { stage: "total", decision, model_version }, total, trace.trace_id);
  observe("moodfood_trace_duration_ms", { status, model_version }, total, trace.trace_id);

  for (const span of trace.spans) {
    observe("moodfood_query_processing_time_ms", { stage: span.name, decision, model_version }, span.duration_ms, trace.trace_id);
    counters.push({ name: "moodfood_trace_events_total", labels: { stage: span.name, status: span.status, model_version }, value: 1 });
    if (span.name === "llm_call") {
      const model = String(span.attributes["gen_ai.request.model"] ?? "unknown");
      const reason = String(span.attributes["moodfood.llm.reason"] ?? (span.status === "ok" ? "ok" : "invalid_output"));
      counters.push({ name: "moodfood_llm_api_calls_total", labels: { model, status: span.status, reason }, value: 1 });
      observe("moodfood_llm_api_latency_ms", { model, status: span.status }, span.duration_ms, trace.trace_id);
    }
  }
  return { trace, counters, histograms };
}
