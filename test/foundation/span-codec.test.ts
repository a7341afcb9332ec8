import { describe, expect, it } from "vitest";
import { stageSpanId } from "../../src/records/span-ids.js";
import type { SpanRecord } from "../../src/records/trace.js";
import { decodeSpans, encodeSpans } from "../../src/store/span-codec.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const ROOT = "00f067aa0ba902b7";
const span = (name: string, extra: Partial<SpanRecord> = {}): SpanRecord => ({
  span_id: stageSpanId(TRACE, name),
  parent_span_id: ROOT,
  name,
  start_offset_ms: 0.1234,
  duration_ms: 1.5,
  status: "ok",
  attributes: {},
  error: null,
  ...extra,
});

describe("span codec", () => {
  it("round-trips pipeline spans, foreign ids, errors and unknown attributes", () => {
    const spans = [
      span("llm_call", {
        attributes: {
          "gen_ai.provider.name": "openai",
          "gen_ai.request.model": "moodfood-lexicon-1",
          "gen_ai.usage.input_tokens": 12,
          "moodfood.llm.reason": "timeout",
        },
        status: "error",
        error: "LLM call exceeded 3000 ms",
      }),
      span("decide", { attributes: { "moodfood.decision": "ml_only", "moodfood.agreement": true } }),
      span("imported_stage", {
        span_id: "1111111111111111",
        parent_span_id: "2222222222222222",
        attributes: { "custom.key": "x", "7": "digits" },
      }),
    ];
    const decoded = decodeSpans(encodeSpans(spans, ROOT, TRACE), ROOT, TRACE);
    expect(decoded).toEqual(spans.map((s) => ({ ...s, start_offset_ms: 0.123 })));
  });

  it("keeps a typical six-span trace small", () => {
    const names = ["parse", "llm_call", "validate", "ml_classify", "decide", "recommend"];
    const attrs = {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "local",
      "gen_ai.request.model": "moodfood-lexicon-1",
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 16,
      "moodfood.llm.reason": "ok",
    };
    const encoded = encodeSpans(
      names.map((n) => span(n, n === "llm_call" ? { attributes: attrs } : {})),
      ROOT,
      TRACE,
    );
    expect(encoded.length).toBeLessThan(200);
  });
});
