import { isoTime } from "../config/timestamps.js";
import type { TraceRecord } from "../records/trace.js";
import type { OriginalEvent } from "./original-layout.js";

/**
 * Each span as the original's event pair, `<stage>_start` then `<stage>_end` (or `_error`), in time order.
 * The end event carries the exact span id and offset under `moodfood` (ISO timestamps keep only milliseconds).
 */
export function spansToEvents(trace: TraceRecord, traceId: string): OriginalEvent[] {
  const timed: { at: number; order: number; event: OriginalEvent }[] = [];
  trace.spans.forEach((span, index) => {
    const start = trace.started_at + span.start_offset_ms;
    const end = start + span.duration_ms;
    const outcome = span.status === "error" ? "error" : "end";
    timed.push({
      at: start,
      order: 2 * index,
      event: {
        event_id: `event_${span.span_id}_start`,
        trace_id: traceId,
        stage: `${span.name}_start`,
        timestamp: isoTime(start),
        duration_ms: 0,
        metadata: { ...span.attributes },
        status: "start",
        error_message: null,
      },
    });
    timed.push({
      at: end,
      order: 2 * index + 1,
      event: {
        event_id: `event_${span.span_id}_${outcome}`,
        trace_id: traceId,
        stage: `${span.name}_${outcome}`,
        timestamp: isoTime(end),
        duration_ms: span.duration_ms,
        // As the original did: the stage metadata plus the duration.
        metadata: { ...span.attributes, duration_ms: span.duration_ms },
        status: span.status === "error" ? "error" : "success",
        error_message: span.error,
        moodfood: { span_id: span.span_id, parent_span_id: span.parent_span_id, start_offset_ms: span.start_offset_ms },
      },
    });
  });
  return timed.sort((a, b) => a.at - b.at || a.order - b.order).map((t) => t.event);
}
