const ZERO = 0x30;
/** Exact powers of ten: a mantissa below 2^53 times or over one of these rounds correctly. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT = 2 ** 53;

/** The digit at bytes[i], or -1 when it is not an ASCII digit (or past the end). */
function digitAt(bytes: Uint8Array, i: number): number {
  const d = (bytes[i] ?? 0) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Text of bytes[start, end) for Number(): Buffer's latin1Slice when present (fastest), else a decode. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  const buffer = bytes as Uint8Array & { latin1Slice?: (start: number, end: number) => string };
  return buffer.latin1Slice ? buffer.latin1Slice(start, end) : Buffer.from(bytes.subarray(start, end)).toString("latin1");
}

/**
 * The number spelled by the ASCII bytes[start, end), or NaN when it is not one. Accepts decimal notation
 * (`-1.5`, `2e-3`; in lenient mode also `+1`, `.5`, `5.`; in strict mode only JSON's grammar).
 * Mantissas below 2^53 with a small exponent take Clinger's exact fast path; everything else
 * goes through Number(), so the result is always the correctly rounded double.
 * Out-of-range values come back as ±Infinity.
 */
export function parseNumberToken(bytes: Uint8Array, start: number, end: number, strict: boolean): number {
  let i = start;
  const sign = bytes[i];
  const negative = sign === 0x2d;
  if (negative || (!strict && sign === 0x2b)) i++;

  let mantissa = 0;
  const intStart = i;
  for (; i < end; i++) {
    const d = digitAt(bytes, i);
    if (d < 0) break;
    mantissa = mantissa * 10 + d;
  }
  const intDigits = i - intStart;
  if (strict && (intDigits === 0 || (intDigits > 1 && bytes[intStart] === ZERO))) return Number.NaN;

  let fractionDigits = 0;
  if (i < end && bytes[i] === 0x2e) {
    const fracStart = ++i;
    for (; i < end; i++) {
      const d = digitAt(bytes, i);
      if (d < 0) break;
      mantissa = mantissa * 10 + d;
    }
    fractionDigits = i - fracStart;
    if (strict && fractionDigits === 0) return Number.NaN;
  }
  if (intDigits + fractionDigits === 0) return Number.NaN;

  let exponent = 0;
  const e = bytes[i];
  if (i < end && (e === 0x65 || e === 0x45)) {
    i++;
    const expSign = bytes[i];
    if (expSign === 0x2d || expSign === 0x2b) i++;
    const expStart = i;
    for (; i < end; i++) {
      const d = digitAt(bytes, i);
      if (d < 0) break;
      if (exponent < 100000) exponent = exponent * 10 + d;
    }
    if (i === expStart) return Number.NaN;
    if (expSign === 0x2d) exponent = -exponent;
  }
  if (i !== end) return Number.NaN;

  const scale = exponent - fractionDigits;
  // Once the mantissa passed 2^53 it stays there, so this also catches inexact accumulation.
  if (mantissa < MAX_EXACT && scale >= -22 && scale <= 22) {
    const value = scale < 0 ? mantissa / (POW10[-scale] as number) : mantissa * (POW10[scale] as number);
    return negative ? -value : value;
  }
  return Number(latin1(bytes, start, end));
}
