import { stageSpanId } from "../tracing/ids.js";
import type { SpanRecord } from "../tracing/types.js";

// Spans are most of a trace row and the budget is 1 KiB a trace (decision 0002). They are stored
// as short-key JSON: the span id is left out when it is the one `stageSpanId` recomputes, the parent
// when it is the root span, and well-known attribute keys are replaced by short numeric codes
// (no real attribute key is all digits). No compression: zlib alone costs ~6 ms of every start.
const ATTRIBUTE_KEYS = [
  "gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens", "moodfood.llm.reason", "error.type", "moodfood.query.chars", "moodfood.ml.top_score",
  "moodfood.model_version", "moodfood.labels.accepted", "moodfood.labels.rejected", "moodfood.skipped",
  "moodfood.decision", "moodfood.agreement", "moodfood.recommendations",
] as const;
const CODE_OF = new Map<string, string>(ATTRIBUTE_KEYS.map((key, i) => [key, String(i)]));

type CompactSpan = { i?: string; p?: string | null; n: string; o: number; d: number; s?: "error"; a?: SpanRecord["attributes"]; e?: string };

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

export function encodeSpans(spans: readonly SpanRecord[], rootSpanId: string, traceId: string): string {
  return JSON.stringify(
    spans.map((span) => {
      const c: CompactSpan = { n: span.name, o: round3(span.start_offset_ms), d: round3(span.duration_ms) };
      if (span.span_id !== stageSpanId(traceId, span.name)) c.i = span.span_id;
      if (span.parent_span_id !== rootSpanId) c.p = span.parent_span_id;
      if (span.status === "error") c.s = "error";
      const keys = Object.keys(span.attributes);
      if (keys.length > 0) c.a = Object.fromEntries(keys.map((key) => [CODE_OF.get(key) ?? key, span.attributes[key] as SpanRecord["attributes"][string]]));
      if (span.error) c.e = span.error;
      return c;
    }),
  );
}

export function decodeSpans(stored: string | Buffer, rootSpanId: string, traceId: string): SpanRecord[] {
  return (JSON.parse(String(stored)) as CompactSpan[]).map((c) => ({
    span_id: c.i ?? stageSpanId(traceId, c.n),
    parent_span_id: c.p === undefined ? rootSpanId : c.p,
    name: c.n,
    start_offset_ms: c.o,
    duration_ms: c.d,
    status: c.s ?? "ok",
    attributes: c.a ? Object.fromEntries(Object.entries(c.a).map(([key, value]) => [/^\d+$/.test(key) ? (ATTRIBUTE_KEYS[Number(key)] ?? key) : key, value])) : {},
    error: c.e ?? null,
  }));
}
