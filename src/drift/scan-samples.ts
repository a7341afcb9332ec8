import { parseNumberToken } from "./parse-number-token.js";

export type ScanResult = { ok: true; values: Float64Array } | { ok: false; problem: string };

const NEWLINE = 0x0a;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09 || c === 0x0d || c === NEWLINE;
const isElementEnd = (c: number | undefined) => c === 0x2c || c === 0x5d || isBlank(c);
const MAX_QUOTE = 40;

/** Growable Float64Array, so a 1M-line file never becomes an array of a million strings. */
class SampleBuffer {
  private data: Float64Array;
  length = 0;
  constructor(byteLength: number) {
    this.data = new Float64Array(Math.max(16, Math.ceil(byteLength / 16)));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  /** A view of the filled part: no copy (the spare capacity is at most what one doubling left). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Scans numbers out of a file's bytes, byte by byte (no decode of the whole file): a JSON array
 * when the first non-blank character is `[`, otherwise one number per line. The problem comes
 * back as a phrase instead of an exception so the caller can name the file.
 */
export function scanSamples(bytes: Uint8Array): ScanResult {
  return new Scanner(bytes).scan();
}

class Scanner {
  private pos = 0;
  private line = 1;
  private readonly out: SampleBuffer;

  constructor(private readonly bytes: Uint8Array) {
    this.out = new SampleBuffer(bytes.length);
  }

  scan(): ScanResult {
    const b = this.bytes;
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.pos = 3; // UTF-8 byte-order mark
    this.skipBlank();
    if (this.pos === b.length) return fail("the file is empty; expected a JSON array of numbers or one number per line");
    if (b[this.pos] === 0x7b) return fail("the file holds a JSON object; expected a JSON array of numbers or one number per line");
    return b[this.pos] === 0x5b ? this.scanJsonArray() : this.scanLines();
  }

  private skipBlank(): void {
    const b = this.bytes;
    while (this.pos < b.length && isBlank(b[this.pos])) {
      if (b[this.pos] === NEWLINE) this.line++;
      this.pos++;
    }
  }

  private scanLines(): ScanResult {
    const b = this.bytes;
    const n = b.length;
    while (this.pos < n) {
      let end = this.pos;
      while (end < n && b[end] !== NEWLINE) end++;
      let s = this.pos;
      let e = end;
      while (s < e && isBlank(b[s])) s++;
      while (e > s && isBlank(b[e - 1])) e--;
      if (s < e) {
        const problem = this.take(s, e, false);
        if (problem) return fail(`line ${this.line}: ${problem}`);
      }
      this.line++;
      this.pos = end + 1;
    }
    return this.out.length > 0 ? { ok: true, values: this.out.values() } : fail("the file holds no numbers");
  }

  private scanJsonArray(): ScanResult {
    const b = this.bytes;
    const n = b.length;
    this.pos++;
    this.skipBlank();
    if (b[this.pos] === 0x5d) return fail("the JSON array is empty; at least one number is needed");
    for (;;) {
      this.skipBlank();
      const start = this.pos;
      while (this.pos < n && !isElementEnd(b[this.pos])) this.pos++;
      const where = `line ${this.line}, element ${this.out.length + 1}`;
      if (start === this.pos) {
        const found = this.pos < n ? this.quote(this.pos, this.pos + 1) : "the end of the file";
        return fail(`${where}: expected a number but found ${found}`);
      }
      const problem = this.take(start, this.pos, true);
      if (problem) return fail(`${where}: ${problem}`);
      this.skipBlank();
      if (b[this.pos] === 0x2c) {
        this.pos++;
        continue;
      }
      if (b[this.pos] === 0x5d) break;
      return fail(`line ${this.line}: the JSON array is not closed with "]"`);
    }
    this.pos++;
    this.skipBlank();
    if (this.pos < n) return fail(`line ${this.line}: unexpected ${this.quote(this.pos, this.pos + 1)} after the end of the JSON array`);
    return { ok: true, values: this.out.values() };
  }

  /** Parses one token and stores it; returns what is wrong with it, or undefined. */
  private take(start: number, end: number, strict: boolean): string | undefined {
    const value = parseNumberToken(this.bytes, start, end, strict);
    if (Number.isFinite(value)) {
      this.out.push(value);
      return undefined;
    }
    if (!Number.isNaN(value)) return `${this.quote(start, end)} is too large to be a finite number`;
    const word = Buffer.from(this.bytes.subarray(start, end)).toString("latin1").toLowerCase().replace(/^[+-]/, "");
    const finiteHint = word === "nan" || word === "inf" || word === "infinity" ? "a finite number" : "a number";
    return `${this.quote(start, end)} is not ${finiteHint}`;
  }

  private quote(start: number, end: number): string {
    const shown = Buffer.from(this.bytes.subarray(start, Math.min(end, start + MAX_QUOTE))).toString("utf8");
    return JSON.stringify(end - start > MAX_QUOTE ? `${shown}…` : shown);
  }
}

const fail = (problem: string): ScanResult => ({ ok: false, problem });
