import { hash32 } from "../hashing.js";

// W3C trace context ids: lowercase hex, never all zeros. Math.random (V8's xorshift128+, seeded from
// the OS) is enough for ids that are unique, not secret, and keeps node:crypto (~7 ms to load) off
// the query path.
function randomHex(bytes: number): string {
  let hex = "";
  for (let i = 0; i < bytes; i += 4)
    hex += Math.floor(Math.random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, "0");
  return hex.slice(0, bytes * 2);
}

function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomHex(bytes);
    if (!/^0+$/.test(hex)) return hex;
  }
}

export const newTraceId = (): string => nonZeroHex(16);
export const newSpanId = (): string => nonZeroHex(8);

export const isTraceId = (value: string): boolean => /^[0-9a-f]{32}$/.test(value) && !/^0+$/.test(value);

/**
 * The span id of stage `name` in a trace: a well-mixed 64-bit hash of the (random) trace id and the
 * name, so the store need not keep span ids it can recompute (decision 0002). Unique within a trace
 * as long as stage names are, which the pipeline's are.
 */
export function stageSpanId(traceId: string, name: string): string {
  const key = `${traceId}/${name}`;
  const hex = hash32(key, 0x811c9dc5).toString(16).padStart(8, "0") + hash32(key, 0x2545f491).toString(16).padStart(8, "0");
  return /^0+$/.test(hex) ? "0000000000000001" : hex;
}
