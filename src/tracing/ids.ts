import { randomBytes } from "node:crypto";

// W3C trace context: ids are lowercase hex and never all zeros.
function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString("hex");
    if (!/^0+$/.test(hex)) return hex;
  }
}

export const newTraceId = (): string => nonZeroHex(16);
export const newSpanId = (): string => nonZeroHex(8);

export const isTraceId = (value: string): boolean => /^[0-9a-f]{32}$/.test(value) && !/^0+$/.test(value);
