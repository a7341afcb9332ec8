import type { TraceRecord, TraceStatus } from "../records/trace.js";
import { decodeSpans, encodeSpans } from "./span-codec.js";

/** A traces row as SQLite returns it (JSON columns still text). */
export interface TraceRow {
  trace_id: string;
  root_span_id: string;
  started_at: number;
  ended_at: number | null;
  duration_ms: number | null;
  status: TraceStatus;
  query: string;
  labels: string;
  confidence: number | null;
  final_decision: string | null;
  model_version: string | null;
  request_id: string;
  user_id: string | null;
  session_id: string | null;
  error: string | null;
  spans: string;
  recommendations: string;
  agreement: number | null;
}

export const TRACE_COLUMNS =
  "trace_id, root_span_id, started_at, ended_at, duration_ms, status, query, labels, confidence, final_decision, model_version, request_id, user_id, session_id, error, spans, recommendations, agreement";

export function toRow(trace: TraceRecord): TraceRow {
  return {
    ...trace,
    labels: JSON.stringify(trace.labels),
    spans: encodeSpans(trace.spans, trace.root_span_id, trace.trace_id),
    recommendations: JSON.stringify(trace.recommendations),
    agreement: trace.agreement === null ? null : Number(trace.agreement),
  };
}

export function fromRow(row: TraceRow): TraceRecord {
  return {
    ...row,
    labels: JSON.parse(row.labels) as string[],
    spans: decodeSpans(row.spans, row.root_span_id, row.trace_id),
    recommendations: JSON.parse(row.recommendations) as string[],
    agreement: row.agreement === null ? null : row.agreement === 1,
  };
}
