// Trace and span records (DESIGN §4 contract fields). Times are epoch ms inside; ISO at the edges.

/** A query stored under MOODFOOD_REDACT_QUERIES: this prefix, then a keyed hash of the text. */
export const REDACTED_PREFIX = "redacted:";

export type TraceStatus = "ok" | "error" | "active" | "abandoned";
export type SpanStatus = "ok" | "error";
export type AttributeValue = string | number | boolean;

export interface SpanRecord {
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_offset_ms: number;
  duration_ms: number;
  status: SpanStatus;
  attributes: Record<string, AttributeValue>;
  error: string | null;
}

export interface TraceRecord {
  trace_id: string;
  root_span_id: string;
  started_at: number;
  ended_at: number | null;
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
  spans: SpanRecord[];
  /** Whether the classifier agreed with the LLM on the primary mood (null when not compared). */
  agreement: boolean | null;
  /** Names of the recommended dishes, kept for feedback and retraining. */
  recommendations: string[];
}
