import { storeFeedback } from "../../src/feedback/record-feedback.js";
import { rollupsForTrace } from "../../src/metrics/trace-rollups.js";
import type { FeedbackRecord } from "../../src/records/feedback.js";
import type { TraceRecord } from "../../src/records/trace.js";
import type { Store } from "../../src/store/store.js";
import { newSpanId, newTraceId } from "../../src/tracing/ids.js";

export interface SeedTrace {
  at: number;
  durationMs?: number;
  decision?: string;
  status?: TraceRecord["status"];
  labels?: string[];
  query?: string;
  modelVersion?: string;
}

/** A finished (or, with status active, unfinished) trace as the pipeline would store it, with a total and a stage span. */
export function traceAt(t: SeedTrace): TraceRecord {
  const duration = t.durationMs ?? 2;
  const finished = t.status !== "active" && t.status !== "abandoned";
  return {
    trace_id: newTraceId(),
    root_span_id: newSpanId(),
    started_at: t.at,
    ended_at: finished ? t.at + duration : null,
    duration_ms: finished ? duration : null,
    status: t.status ?? "ok",
    query: t.query ?? "seeded",
    labels: t.labels ?? ["emotion_sad"],
    confidence: 0.8,
    final_decision: t.status === "error" ? null : (t.decision ?? "ml_validated"),
    model_version: t.modelVersion ?? "m1",
    request_id: newSpanId(),
    user_id: null,
    session_id: null,
    error: t.status === "error" ? "boom" : null,
    spans: [
      {
        span_id: newSpanId(),
        parent_span_id: null,
        name: "parse",
        start_offset_ms: 0,
        duration_ms: duration / 2,
        status: "ok",
        attributes: {},
        error: null,
      },
    ],
    recommendations: [],
    agreement: true,
  };
}

/** Writes traces through the store's batch path: finished ones with their rollups, unfinished ones as started. */
export async function seed(store: Store, traces: SeedTrace[]): Promise<TraceRecord[]> {
  const records = traces.map(traceAt);
  const finished = records.filter((r) => r.ended_at !== null);
  const unfinished = records.filter((r) => r.ended_at === null);
  await store.recordTraces(unfinished, finished.map(rollupsForTrace));
  return records;
}

export function feedbackAt(trace: TraceRecord, at: number, f: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    feedback_id: newTraceId(),
    trace_id: trace.trace_id,
    created_at: at,
    type: f.rating === undefined || f.rating === null ? "implicit" : "explicit",
    rating: null,
    thumbs: null,
    comment: null,
    signal: f.rating ? null : "accept",
    sentiment: "positive",
    model_version: "m1",
    user_id: null,
    session_id: null,
    labels: null,
    ...f,
  };
}

export const writeFeedback = (store: Store, records: FeedbackRecord[]) => storeFeedback(store, records);
