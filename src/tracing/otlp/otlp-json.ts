import type { AttributeValue, SpanRecord, TraceRecord } from "../../records/trace.js";

// The OTLP/JSON encoding (opentelemetry-proto, JSON mapping): hex ids, int64 as decimal strings, enums as numbers.
export type OtlpAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpAnyValue[] } };
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  events?: { timeUnixNano: string; name: string; attributes: OtlpKeyValue[] }[];
  status: { code: number; message?: string };
}
export interface ExportTraceServiceRequest {
  resourceSpans: {
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: { scope: { name: string; version: string }; spans: OtlpSpan[] }[];
  }[];
}

export const SPAN_KIND_INTERNAL = 1;
export const STATUS_UNSET = 0;
export const STATUS_OK = 1;
export const STATUS_ERROR = 2;
export const ROOT_SPAN_NAME = "moodfood.query";
export const SCOPE_NAME = "moodfood";

export interface OtlpResource {
  serviceName: string;
  serviceVersion: string;
  resourceAttributes?: Record<string, string>;
  /** False under MOODFOOD_REDACT_QUERIES: the query text stays out of the collector too. */
  includeQuery?: boolean;
}

/** One export request for a batch of ended traces: a root span per trace, stage spans as its children. */
export function toExportRequest(traces: TraceRecord[], resource: OtlpResource): ExportTraceServiceRequest {
  const resourceAttributes = {
    ...resource.resourceAttributes,
    "service.name": resource.serviceName,
    "service.version": resource.serviceVersion,
    "telemetry.sdk.name": SCOPE_NAME,
    "telemetry.sdk.language": "nodejs",
  };
  const spans = traces.flatMap((trace) => [rootSpan(trace, resource.includeQuery ?? true), ...trace.spans.map((s) => stageSpan(trace, s))]);
  return {
    resourceSpans: [
      {
        resource: { attributes: attributeList(resourceAttributes) },
        scopeSpans: [{ scope: { name: SCOPE_NAME, version: resource.serviceVersion }, spans }],
      },
    ],
  };
}

function rootSpan(trace: TraceRecord, includeQuery: boolean): OtlpSpan {
  const start = msToNanos(trace.started_at);
  const duration = trace.duration_ms ?? (trace.ended_at === null ? 0 : trace.ended_at - trace.started_at);
  const attributes: OtlpKeyValue[] = attributeList({
    "moodfood.request_id": trace.request_id,
    "moodfood.final_decision": trace.final_decision,
    "moodfood.model_version": trace.model_version,
    "moodfood.confidence": trace.confidence,
    "moodfood.query": includeQuery ? trace.query : null,
    "user.id": trace.user_id,
    "session.id": trace.session_id,
  });
  attributes.push(stringArray("moodfood.labels", trace.labels), stringArray("moodfood.recommendations", trace.recommendations));
  return {
    traceId: trace.trace_id,
    spanId: trace.root_span_id,
    name: ROOT_SPAN_NAME,
    kind: SPAN_KIND_INTERNAL,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: (start + msToNanos(duration)).toString(),
    attributes,
    status: traceStatus(trace),
  };
}

function stageSpan(trace: TraceRecord, span: SpanRecord): OtlpSpan {
  // Sum the parts in nanoseconds: epoch ms as a double cannot hold sub-millisecond offsets exactly.
  const start = msToNanos(trace.started_at) + msToNanos(span.start_offset_ms);
  const end = start + msToNanos(span.duration_ms);
  const otlp: OtlpSpan = {
    traceId: trace.trace_id,
    spanId: span.span_id,
    parentSpanId: span.parent_span_id ?? trace.root_span_id,
    name: span.name,
    kind: SPAN_KIND_INTERNAL,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    attributes: attributeList(span.attributes),
    status: span.status === "error" ? { code: STATUS_ERROR, message: span.error ?? "" } : { code: STATUS_OK },
  };
  if (span.status === "error") {
    const exception = { "exception.type": span.attributes["error.type"] ?? "Error", "exception.message": span.error ?? "" };
    otlp.events = [{ timeUnixNano: end.toString(), name: "exception", attributes: attributeList(exception) }];
  }
  return otlp;
}

function traceStatus(trace: TraceRecord): OtlpSpan["status"] {
  if (trace.status === "ok") return { code: STATUS_OK };
  if (trace.status === "error") return { code: STATUS_ERROR, message: trace.error ?? "" };
  return { code: STATUS_UNSET };
}

/** Epoch (or offset) milliseconds to integer nanoseconds, exact to the nanosecond for any epoch time. */
export function msToNanos(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

/** Skips null values: OTLP has no null attribute. */
export function attributeList(attributes: Record<string, AttributeValue | null | undefined>): OtlpKeyValue[] {
  const list: OtlpKeyValue[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    list.push({ key, value: anyValue(value) });
  }
  return list;
}

function anyValue(value: AttributeValue): OtlpAnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (Number.isSafeInteger(value)) return { intValue: String(value) };
  // JSON has no NaN or Infinity; send their names rather than a null the collector would reject.
  return Number.isFinite(value) ? { doubleValue: value } : { stringValue: String(value) };
}

const stringArray = (key: string, values: string[]): OtlpKeyValue => ({
  key,
  value: { arrayValue: { values: values.map((v) => ({ stringValue: v })) } },
});
