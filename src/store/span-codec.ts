import { stageSpanId } from "../records/span-ids.js";
import type { AttributeValue, SpanRecord } from "../records/trace.js";

// Spans are most of a trace row and the budget is 1 KiB a trace (decision 0002). Each span is stored
// as a positional array [stage, offset, duration, attributes?, extra?]:
// - stage: an index into STAGES for the pipeline's stages, else the name;
// - attributes: well-known keys as numeric codes, keys whose value is the usual one only listed under
//   "*", and any other key that looks like a code escaped with "#";
// - extra: what is usually implied — span id (else recomputed by `stageSpanId`), parent (else the
//   root span), error status and message.
// No compression: zlib alone costs ~6 ms of every start.
const STAGES = ["parse", "llm_call", "validate", "ml_classify", "decide", "recommend"] as const;
const ATTRIBUTE_KEYS = [
  "gen_ai.operation.name",
  "gen_ai.provider.name",
  "gen_ai.request.model",
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens",
  "moodfood.llm.reason",
  "error.type",
  "moodfood.query.chars",
  "moodfood.ml.top_score",
  "moodfood.model_version",
  "moodfood.labels.accepted",
  "moodfood.labels.rejected",
  "moodfood.skipped",
  "moodfood.decision",
  "moodfood.agreement",
  "moodfood.recommendations",
] as const;
const USUAL: Readonly<Record<number, AttributeValue>> = {
  0: "chat",
  1: "local",
  2: "moodfood-lexicon-1",
  5: "ok",
  11: 0,
  13: "ml_validated",
  14: true,
  15: 5,
};
const CODE_OF = new Map<string, number>(ATTRIBUTE_KEYS.map((key, i) => [key, i]));

type Attributes = Record<string, AttributeValue | number[]>;
type Extra = { i?: string; p?: string | null; s?: "error"; e?: string };
type PackedSpan = [string | number, number, number, Attributes?, Extra?];

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

function packAttributes(attributes: SpanRecord["attributes"]): Attributes | undefined {
  const packed: Attributes = {};
  const usual: number[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const code = CODE_OF.get(key);
    if (code !== undefined && USUAL[code] === value) usual.push(code);
    else packed[code !== undefined ? String(code) : /^(\d+|\*|#.*)$/.test(key) ? `#${key}` : key] = value; // "#" escapes keys that look like codes
  }
  if (usual.length > 0) packed["*"] = usual;
  return Object.keys(packed).length > 0 ? packed : undefined;
}

function unpackAttributes(packed: Attributes | undefined): SpanRecord["attributes"] {
  const attributes: SpanRecord["attributes"] = {};
  for (const [key, value] of Object.entries(packed ?? {})) {
    if (key === "*") for (const code of value as number[]) attributes[ATTRIBUTE_KEYS[code] as string] = USUAL[code] as AttributeValue;
    else
      attributes[/^\d+$/.test(key) ? (ATTRIBUTE_KEYS[Number(key)] ?? key) : key.startsWith("#") ? key.slice(1) : key] =
        value as AttributeValue;
  }
  return attributes;
}

export function encodeSpans(spans: readonly SpanRecord[], rootSpanId: string, traceId: string): string {
  return JSON.stringify(
    spans.map((span): PackedSpan => {
      const stage = STAGES.indexOf(span.name as (typeof STAGES)[number]);
      const extra: Extra = {};
      if (span.span_id !== stageSpanId(traceId, span.name)) extra.i = span.span_id;
      if (span.parent_span_id !== rootSpanId) extra.p = span.parent_span_id;
      if (span.status === "error") extra.s = "error";
      if (span.error) extra.e = span.error;
      const packed: PackedSpan = [stage < 0 ? span.name : stage, round3(span.start_offset_ms), round3(span.duration_ms)];
      const attributes = packAttributes(span.attributes);
      if (attributes || Object.keys(extra).length > 0) packed.push(attributes ?? {});
      if (Object.keys(extra).length > 0) packed.push(extra);
      return packed;
    }),
  );
}

export function decodeSpans(stored: string, rootSpanId: string, traceId: string): SpanRecord[] {
  return (JSON.parse(stored) as PackedSpan[]).map(([stage, offset, duration, attributes, extra = {}]) => {
    const name = typeof stage === "number" ? (STAGES[stage] as string) : stage;
    return {
      span_id: extra.i ?? stageSpanId(traceId, name),
      parent_span_id: extra.p === undefined ? rootSpanId : extra.p,
      name,
      start_offset_ms: offset,
      duration_ms: duration,
      status: extra.s ?? "ok",
      attributes: unpackAttributes(attributes),
      error: extra.e ?? null,
    };
  });
}
