import type { SpanRecord, TraceRecord, TraceStatus } from "../tracing/types.js";

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
    spans: JSON.stringify(trace.spans.map(compactSpan)),
    recommendations: JSON.stringify(trace.recommendations),
    agreement: trace.agreement === null ? null : Number(trace.agreement),
  };
}

export function fromRow(row: TraceRow): TraceRecord {
  return {
    ...row,
    labels: JSON.parse(row.labels) as string[],
    spans: (JSON.parse(row.spans) as CompactSpan[]).map(expandSpan),
    recommendations: JSON.parse(row.recommendations) as string[],
    agreement: row.agreement === null ? null : row.agreement === 1,
  };
}

// Spans are stored with short keys: they are most of a trace row and the store budget is 1 KiB a trace.
type CompactSpan = { i: string; p: string | null; n: string; o: number; d: number; s: "ok" | "error"; a?: SpanRecord["attributes"]; e?: string };

function compactSpan(span: SpanRecord): CompactSpan {
  const compact: CompactSpan = { i: span.span_id, p: span.parent_span_id, n: span.name, o: round3(span.start_offset_ms), d: round3(span.duration_ms), s: span.status };
  if (Object.keys(span.attributes).length > 0) compact.a = span.attributes;
  if (span.error) compact.e = span.error;
  return compact;
}

function expandSpan(c: CompactSpan): SpanRecord {
  return { span_id: c.i, parent_span_id: c.p, name: c.n, start_offset_ms: c.o, duration_ms: c.d, status: c.s, attributes: c.a ?? {}, error: c.e ?? null };
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;
