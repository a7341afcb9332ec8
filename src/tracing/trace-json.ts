import type { SpanRecord, TraceRecord, TraceStatus } from "../records/trace.js";

/** The public JSON shape of a trace (DESIGN §4): ISO times, contract fields, spans. */
export interface TraceJson {
  trace_id: string;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  status: TraceStatus;
  query: string;
  labels: string[];
  confidence: number | null;
  final_decision: string | null;
  model_version: string | null;
  request_id: string;
  user_id: string | null;
  session_id: string | null;
  error: string | null;
  recommendations: string[];
  spans: SpanRecord[];
}

export function traceToJson(trace: TraceRecord): TraceJson {
  return {
    trace_id: trace.trace_id,
    started_at: new Date(trace.started_at).toISOString(),
    ended_at: trace.ended_at === null ? null : new Date(trace.ended_at).toISOString(),
    duration_ms: trace.duration_ms === null ? null : Math.round(trace.duration_ms * 1000) / 1000,
    status: trace.status,
    query: trace.query,
    labels: trace.labels,
    confidence: trace.confidence,
    final_decision: trace.final_decision,
    model_version: trace.model_version,
    request_id: trace.request_id,
    user_id: trace.user_id,
    session_id: trace.session_id,
    error: trace.error,
    recommendations: trace.recommendations,
    spans: trace.spans,
  };
}
