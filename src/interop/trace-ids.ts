import { createHash } from "node:crypto";

const PADDING = "0".repeat(16);

/**
 * Our W3C trace id (32 hex) for an id from a JSONL file. The original wrote `trace_<16 hex>`: that becomes the
 * 64-bit id left-padded with zeros, as OpenTelemetry does for Jaeger/Zipkin ids, so it maps back exactly.
 * UUIDs lose their dashes; anything else gets a stable hash, so feedback still finds its trace.
 */
export function toStoreTraceId(id: string): string {
  const text = id.trim().toLowerCase();
  const short = /^(?:trace_)?([0-9a-f]{16})$/.exec(text);
  if (short?.[1] && !/^0+$/.test(short[1])) return PADDING + short[1];
  const hex = text.replace(/^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/, "$1$2$3$4$5");
  if (/^[0-9a-f]{32}$/.test(hex) && !/^0+$/.test(hex)) return hex;
  return createHash("sha256").update(id).digest("hex").slice(0, 32);
}

/** The id as the original system would have written it (inverse of the padding above). */
export function toOriginalTraceId(traceId: string): string {
  return traceId.startsWith(PADDING) ? `trace_${traceId.slice(16)}` : traceId;
}

/** A stable 16-hex span id for imported events without one, so importing the same file twice gives the same ids. */
export function derivedSpanId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
  return /^0+$/.test(hex) ? "0000000000000001" : hex;
}
