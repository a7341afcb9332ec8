// W3C trace context ids: lowercase hex, never all zeros. Math.random (V8's xorshift128+, seeded from
// the OS) is enough for ids that are unique, not secret, and keeps node:crypto (~7 ms to load) off
// the query path.
function randomHex(bytes: number): string {
  let hex = "";
  for (let i = 0; i < bytes; i += 4) hex += Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, "0");
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
  const hex = mix32(key, 0x811c9dc5).toString(16).padStart(8, "0") + mix32(key, 0x2545f491).toString(16).padStart(8, "0");
  return /^0+$/.test(hex) ? "0000000000000001" : hex;
}

function mix32(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
