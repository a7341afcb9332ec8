import { isoTime } from "../config/timestamps.js";
import type { TraceRecord, TraceStatus } from "../records/trace.js";
import { eventsToSpans } from "./events-to-spans.js";
import {
  extraOf,
  extraOr,
  isNumber,
  isNumberOrNull,
  isObject,
  isString,
  isStringArray,
  isStringOrNull,
  type JsonObject,
  optionalNumber,
  optionalString,
  requiredString,
  requiredTime,
} from "./line-fields.js";
import type { OriginalTrace } from "./original-layout.js";
import { spansToEvents } from "./spans-to-events.js";
import { derivedSpanId, toOriginalTraceId, toStoreTraceId } from "./trace-ids.js";

const ORIGINAL_STATUS: Record<TraceStatus, string> = { ok: "success", error: "error", active: "active", abandoned: "abandoned" };
const TRACE_STATUSES: readonly string[] = ["ok", "error", "active", "abandoned"];

const isTraceStatus = (v: unknown): v is TraceStatus => typeof v === "string" && TRACE_STATUSES.includes(v);
const isStoreTraceId = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{32}$/.test(v);
const isSpanId = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{16}$/.test(v);
const isBooleanOrNull = (v: unknown): v is boolean | null => v === null || typeof v === "boolean";

/** One traces.jsonl line: the original's fields, and every field of ours (but the spans, which are the events) under `moodfood`. */
export function traceToLine(trace: TraceRecord): OriginalTrace {
  const traceId = toOriginalTraceId(trace.trace_id);
  const { spans: _spans, ...ours } = trace;
  return {
    trace_id: traceId,
    request_id: trace.request_id,
    start_time: isoTime(trace.started_at),
    events: spansToEvents(trace, traceId),
    total_duration_ms: trace.duration_ms ?? 0,
    status: ORIGINAL_STATUS[trace.status],
    user_id: trace.user_id,
    session_id: trace.session_id,
    model_version: trace.model_version,
    final_decision: trace.final_decision,
    moodfood: ours,
  };
}

export interface LineOptions {
  /** False under MOODFOOD_REDACT_QUERIES: query text found in the original's metadata is not stored. */
  keepQueryText: boolean;
}

/** A traces.jsonl line (ours or the original's) as our trace record. */
export function lineToTrace(line: JsonObject, options: LineOptions): TraceRecord {
  const extra = extraOf(line);
  const trace_id = extraOr(extra, "trace_id", isStoreTraceId, () => toStoreTraceId(requiredString(line, "trace_id")));
  const started_at = extraOr(extra, "started_at", isNumber, () => requiredTime(line, "start_time"));
  const root_span_id = extraOr(extra, "root_span_id", isSpanId, () => derivedSpanId(trace_id, "root"));
  const spans = eventsToSpans(line.events, { traceId: trace_id, rootSpanId: root_span_id, startedAt: started_at });
  const status = extraOr(extra, "status", isTraceStatus, () => originalStatus(line.status));
  const duration_ms = extraOr(extra, "duration_ms", isNumberOrNull, () =>
    status === "active" ? null : Math.max(0, optionalNumber(line, "total_duration_ms") ?? 0),
  );
  return {
    trace_id,
    root_span_id,
    started_at,
    ended_at: extraOr(extra, "ended_at", isNumberOrNull, () => (duration_ms === null ? null : started_at + duration_ms)),
    duration_ms,
    status,
    query: extraOr(extra, "query", isString, () => (options.keepQueryText ? queryOf(line.events) : "")),
    labels: extraOr(extra, "labels", isStringArray, () => []),
    confidence: extraOr(extra, "confidence", isNumberOrNull, () => null),
    final_decision: optionalString(line, "final_decision"),
    model_version: optionalString(line, "model_version"),
    request_id: optionalString(line, "request_id") ?? "",
    user_id: optionalString(line, "user_id"),
    session_id: optionalString(line, "session_id"),
    // A failed stage the pipeline recovered from (LLM down, ML answered) does not make the trace an error.
    error: extraOr(extra, "error", isStringOrNull, () =>
      status === "error" ? (spans.find((s) => s.status === "error")?.error ?? "error") : null,
    ),
    spans,
    agreement: extraOr(extra, "agreement", isBooleanOrNull, () => null),
    recommendations: extraOr(extra, "recommendations", isStringArray, () => []),
  };
}

/**
 * The original wrote a trace only when it ended, leaving "active" when no status was given, and switched to
 * "error" on an error event: so anything but an error is a completed trace.
 */
function originalStatus(status: unknown): TraceStatus {
  return typeof status === "string" && /^(error|failed|failure)$/i.test(status) ? "error" : "ok";
}

/** The original kept no query on the trace; a stage's metadata sometimes did. */
function queryOf(events: unknown): string {
  if (!Array.isArray(events)) return "";
  for (const event of events) {
    const query = isObject(event) && isObject(event.metadata) ? event.metadata.query : undefined;
    if (typeof query === "string") return query;
  }
  return "";
}
