// tokenize's token regex for ASCII text, as a hand-written scanner: the same matches with nothing to compile (a
// fresh process spends ~0.3 ms compiling that regex and tiering it up for one query). Tests compare the two.
import { isAlnum, isDigit } from "./ascii-class.js";

/** The regex this scanner stands for (capture groups: am/pm time, clock time, NUL pair, word, punctuation). */
export const ASCII_TOKEN_SOURCE = String.raw`(\d{1,2}(?::\d{2})?\s?(?:am|pm)\b)|(\d{1,2}:\d{2})|(\x00\x00)|([a-zA-Z0-9]+)|([.,;:!?]+)`;

export interface AsciiMatch {
  start: number;
  end: number;
  /** The capture group that matched, 1 to 5. */
  group: number;
}

/** \w, which decides \b. */
const isWordChar = (c: number): boolean => isAlnum(c) || c === 95;
/** \s within ASCII: tab to carriage return, and space. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
/** [.,;:!?] */
const isPunct = (c: number): boolean => c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63;

function digitsAt(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** End of \d{1,2}(?::\d{2})?\s?(?:am|pm)\b at `at`, or -1, trying the alternatives in the regex's backtracking order. */
function amPmEnd(text: string, at: number): number {
  for (let digits = 2; digits >= 1; digits--) {
    if (!digitsAt(text, at, digits)) continue;
    const afterDigits = at + digits;
    const withClock = text.charCodeAt(afterDigits) === 58 && digitsAt(text, afterDigits + 1, 2);
    for (const beforeSpace of withClock ? [afterDigits + 3, afterDigits] : [afterDigits]) {
      for (const suffix of isSpace(text.charCodeAt(beforeSpace)) ? [beforeSpace + 1, beforeSpace] : [beforeSpace]) {
        const first = text.charCodeAt(suffix);
        const isAmPm = (first === 97 || first === 112) && text.charCodeAt(suffix + 1) === 109;
        if (isAmPm && !isWordChar(text.charCodeAt(suffix + 2))) return suffix + 2;
      }
    }
  }
  return -1;
}

/** End of \d{1,2}:\d{2} at `at`, or -1. */
function clockEnd(text: string, at: number): number {
  for (let digits = 2; digits >= 1; digits--) {
    const colon = at + digits;
    if (digitsAt(text, at, digits) && text.charCodeAt(colon) === 58 && digitsAt(text, colon + 1, 2)) return colon + 3;
  }
  return -1;
}

/** End of the run of characters passing `test` from `at`. */
function runEnd(text: string, at: number, test: (c: number) => boolean): number {
  let end = at;
  while (end < text.length && test(text.charCodeAt(end))) end++;
  return end;
}

/** The first match at or after `from`, as regex.exec would find it with lastIndex = from; text must be ASCII. */
export function nextAsciiMatch(text: string, from: number): AsciiMatch | undefined {
  for (let at = from; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (isDigit(c)) {
      const amPm = amPmEnd(text, at);
      if (amPm >= 0) return { start: at, end: amPm, group: 1 };
      const clock = clockEnd(text, at);
      if (clock >= 0) return { start: at, end: clock, group: 2 };
    }
    if (c === 0 && text.charCodeAt(at + 1) === 0) return { start: at, end: at + 2, group: 3 };
    if (isAlnum(c)) return { start: at, end: runEnd(text, at, isAlnum), group: 4 };
    if (isPunct(c)) return { start: at, end: runEnd(text, at, isPunct), group: 5 };
  }
  return undefined;
}
