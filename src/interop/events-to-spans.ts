import type { AttributeValue, SpanRecord } from "../records/trace.js";
import {
  extraOf,
  extraOr,
  isNumber,
  isObject,
  isStringOrNull,
  type JsonObject,
  LineError,
  optionalNumber,
  optionalString,
  requiredTime,
} from "./line-fields.js";
import { derivedSpanId } from "./trace-ids.js";

interface TraceContext {
  traceId: string;
  rootSpanId: string;
  startedAt: number;
}

interface OpenStage {
  at: number;
  index: number;
  metadata: JsonObject;
}

const STAGE_EVENT = /^(.+)_(start|end|error)$/;
const isSpanId = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{16}$/.test(v);

/**
 * The original's events back into spans: `<stage>_start` pairs with the next `<stage>_end`/`_error` of the same
 * stage; an end without a start starts `duration_ms` before it; any other event is a span of its own duration.
 */
export function eventsToSpans(events: unknown, trace: TraceContext): SpanRecord[] {
  if (events === undefined || events === null) return [];
  if (!Array.isArray(events)) throw new LineError(`"events" must be an array`);
  const open = new Map<string, OpenStage[]>();
  const spans: { span: SpanRecord; order: number }[] = [];

  events.forEach((event: unknown, index) => {
    if (!isObject(event)) throw new LineError(`events[${index}] must be an object`);
    const stage = event.stage;
    if (typeof stage !== "string" || stage === "") throw new LineError(`events[${index}].stage must be a non-empty string`);
    const at = inEvent(index, () => requiredTime(event, "timestamp"));
    const metadata = isObject(event.metadata) ? event.metadata : {};
    const match = STAGE_EVENT.exec(stage);
    const name = match?.[1] ?? stage;
    if (match?.[2] === "start") {
      open.set(name, [...(open.get(name) ?? []), { at, index, metadata }]);
      return;
    }
    const opened = match ? open.get(name)?.shift() : undefined;
    const extra = extraOf(event);
    const duration = Math.max(0, inEvent(index, () => optionalNumber(event, "duration_ms")) ?? (opened ? at - opened.at : 0));
    const failed = match?.[2] === "error" || event.status === "error";
    const attributes = toAttributes({ ...opened?.metadata, ...metadata });
    if (!match && typeof event.status === "string" && event.status !== "success") attributes["moodfood.event_status"] = event.status;
    const span: SpanRecord = {
      span_id: extraOr(
        extra,
        "span_id",
        isSpanId,
        () => spanIdOf(event.event_id) ?? derivedSpanId(trace.traceId, String(event.event_id ?? ""), String(index)),
      ),
      parent_span_id: extraOr(extra, "parent_span_id", isStringOrNull, () => trace.rootSpanId),
      name,
      start_offset_ms: extraOr(extra, "start_offset_ms", isNumber, () => Math.max(0, (opened?.at ?? at - duration) - trace.startedAt)),
      duration_ms: duration,
      status: failed ? "error" : "ok",
      attributes,
      error: failed ? (inEvent(index, () => optionalString(event, "error_message")) ?? "error") : null,
    };
    spans.push({ span, order: opened?.index ?? index });
  });

  // A stage that started and never ended (the process died): keep it, visibly unfinished.
  for (const [name, stages] of open) {
    for (const stage of stages) {
      const attributes = { ...toAttributes(stage.metadata), "moodfood.unfinished": true };
      const span: SpanRecord = {
        span_id: derivedSpanId(trace.traceId, name, String(stage.index)),
        parent_span_id: trace.rootSpanId,
        name,
        start_offset_ms: Math.max(0, stage.at - trace.startedAt),
        duration_ms: 0,
        status: "ok",
        attributes,
        error: null,
      };
      spans.push({ span, order: stage.index });
    }
  }
  // Start order breaks ties, so spans that began in the same microsecond keep their recorded order.
  return spans.sort((a, b) => a.span.start_offset_ms - b.span.start_offset_ms || a.order - b.order).map((s) => s.span);
}

/** Span attributes are scalars: nested metadata is kept as JSON text; the duration the original added is dropped. */
function toAttributes(metadata: JsonObject): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (key === "duration_ms" || value === null || value === undefined) continue;
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)))
      attributes[key] = value;
    else attributes[key] = JSON.stringify(value);
  }
  return attributes;
}

/** Our export names events `event_<span id>_<start|end|error>`. */
function spanIdOf(eventId: unknown): string | undefined {
  return typeof eventId === "string" ? /^event_([0-9a-f]{16})_(?:start|end|error)$/.exec(eventId)?.[1] : undefined;
}

function inEvent<T>(index: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof LineError) throw new LineError(`events[${index}].${error.message.replace(/^"/, "").replace(/"/, "")}`);
    throw error;
  }
}
