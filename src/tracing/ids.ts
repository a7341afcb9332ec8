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
