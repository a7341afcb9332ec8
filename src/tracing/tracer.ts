import { stageSpanId } from "../records/span-ids.js";
import type { AttributeValue, SpanRecord, TraceRecord } from "../records/trace.js";
import { newSpanId, newTraceId } from "./ids.js";
import { monotonicMs } from "./monotonic.js";

/** Where traces go: the store writes `active` at start and the completed row at the end; a write may be async. */
export interface TraceSink {
  started(trace: TraceRecord): void | Promise<void>;
  ended(trace: TraceRecord): void | Promise<void>;
}

export interface ActiveTrace {
  readonly record: TraceRecord;
  readonly sink: TraceSink;
  /** monotonicMs() at the start: span offsets are measured from here. */
  readonly t0: number;
  /** The sink's async writes of this trace, awaited by traceWritten. */
  readonly writes: Promise<void>[];
}

export interface StartTraceOptions {
  query: string;
  sink: TraceSink;
  /** Wall clock in epoch ms; injected so simulations can place traces in the past. */
  now?: () => number;
  requestId?: string;
  userId?: string | null;
  sessionId?: string | null;
}

export function startTrace(options: StartTraceOptions): ActiveTrace {
  const record: TraceRecord = {
    trace_id: newTraceId(),
    root_span_id: newSpanId(),
    started_at: (options.now ?? Date.now)(),
    ended_at: null,
    duration_ms: null,
    status: "active",
    query: options.query,
    labels: [],
    confidence: null,
    final_decision: null,
    model_version: null,
    request_id: options.requestId ?? newSpanId(),
    user_id: options.userId ?? null,
    session_id: options.sessionId ?? null,
    error: null,
    spans: [],
    recommendations: [],
    agreement: null,
  };
  const writes: Promise<void>[] = [];
  const written = options.sink.started(record);
  if (written) writes.push(written);
  return { record, sink: options.sink, t0: monotonicMs(), writes };
}

/** Times `fn` as a span named `name`; a thrown error is recorded on the span and rethrown. */
export async function traceStage<T>(
  trace: ActiveTrace,
  name: string,
  fn: (span: SpanRecord) => T | Promise<T>,
  attributes: Record<string, AttributeValue> = {},
): Promise<T> {
  const start = monotonicMs();
  const span: SpanRecord = {
    span_id: stageSpanId(trace.record.trace_id, name),
    parent_span_id: trace.record.root_span_id,
    name,
    start_offset_ms: start - trace.t0,
    duration_ms: 0,
    status: "ok",
    attributes: { ...attributes },
    error: null,
  };
  trace.record.spans.push(span);
  try {
    return await fn(span);
  } catch (error) {
    span.status = "error";
    span.error = errorText(error);
    if (!("error.type" in span.attributes)) span.attributes["error.type"] = errorType(error);
    throw error;
  } finally {
    span.duration_ms = monotonicMs() - start;
  }
}

export type TraceOutcome = Partial<
  Pick<TraceRecord, "labels" | "confidence" | "final_decision" | "model_version" | "recommendations" | "agreement">
> & {
  error?: unknown;
};

/** Completes the trace (status ok, or error when `outcome.error` is set) and hands it to the sink. */
export function endTrace(trace: ActiveTrace, outcome: TraceOutcome = {}): TraceRecord {
  const { error, ...fields } = outcome;
  const record = trace.record;
  Object.assign(record, fields);
  record.duration_ms = monotonicMs() - trace.t0;
  record.ended_at = record.started_at + record.duration_ms;
  record.status = error === undefined ? "ok" : "error";
  record.error = error === undefined ? null : errorText(error);
  record.spans.sort((a, b) => a.start_offset_ms - b.start_offset_ms);
  const written = trace.sink.ended(record);
  if (written) trace.writes.push(written);
  return record;
}

/** Resolves once an async sink has stored the trace (at once for a synchronous sink); rejects if a write failed. */
export async function traceWritten(trace: ActiveTrace): Promise<void> {
  if (trace.writes.length > 0) await Promise.all(trace.writes);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorType(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "Error";
}
