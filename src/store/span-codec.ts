import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { SpanRecord } from "../tracing/types.js";

// Spans are most of a trace row and the budget is 1 KiB a trace (decision 0002). They are stored as
// short-key JSON, deflated with a preset dictionary of what spans usually say, so even a 1 KiB
// array shrinks to a few hundred bytes. The parent id is left out when it is the trace's root span.
const DICTIONARY = Buffer.from(
  [
    '"s":"ok"},{"i":"', '"s":"error","e":"', ',"n":"parse","o":0,"d":0.', ',"a":{"moodfood.query.chars":',
    ',"n":"llm_call","o":0.', ',"a":{"gen_ai.operation.name":"chat","gen_ai.provider.name":"local","gen_ai.request.model":"moodfood-lexicon-1","gen_ai.usage.input_tokens":',
    ',"gen_ai.provider.name":"openai","gen_ai.usage.output_tokens":', ',"moodfood.llm.reason":"ok"}', '"error.type":"timeout"', '"http_5xx"', '"circuit_open"',
    ',"n":"ml_classify","o":0.', ',"a":{"moodfood.ml.top_score":0.', ',"moodfood.model_version":"mf-',
    ',"n":"validate","o":0.', ',"a":{"moodfood.labels.accepted":', ',"moodfood.labels.rejected":0}', '"moodfood.skipped":"llm_failed"',
    ',"n":"decide","o":0.', ',"a":{"moodfood.decision":"ml_validated","moodfood.agreement":true}', '"llm_fallback"', '"default_fallback"', '"ml_only"', 'false',
    ',"n":"recommend","o":0.', ',"a":{"moodfood.recommendations":5}', '[{"i":"', '"}]',
  ].join(""),
);

type CompactSpan = { i: string; p?: string | null; n: string; o: number; d: number; s: "ok" | "error"; a?: SpanRecord["attributes"]; e?: string };

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

export function encodeSpans(spans: readonly SpanRecord[], rootSpanId: string): Buffer {
  const compact = spans.map((span) => {
    const c: CompactSpan = { i: span.span_id, n: span.name, o: round3(span.start_offset_ms), d: round3(span.duration_ms), s: span.status };
    if (span.parent_span_id !== rootSpanId) c.p = span.parent_span_id;
    if (Object.keys(span.attributes).length > 0) c.a = span.attributes;
    if (span.error) c.e = span.error;
    return c;
  });
  return deflateRawSync(JSON.stringify(compact), { dictionary: DICTIONARY, level: 9 });
}

export function decodeSpans(stored: Buffer | string, rootSpanId: string): SpanRecord[] {
  // A text value is plain JSON (a row written before compression, or by hand).
  const json = typeof stored === "string" ? stored : inflateRawSync(stored, { dictionary: DICTIONARY }).toString("utf8");
  return (JSON.parse(json) as CompactSpan[]).map((c) => ({
    span_id: c.i,
    parent_span_id: c.p === undefined ? rootSpanId : c.p,
    name: c.n,
    start_offset_ms: c.o,
    duration_ms: c.d,
    status: c.s,
    attributes: c.a ?? {},
    error: c.e ?? null,
  }));
}
