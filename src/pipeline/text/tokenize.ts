// Turns user text into comparable tokens: lowercase, no accents or apostrophes, emoji kept as tokens.
import { isDigits } from "./ascii-class.js";
import { nextAsciiMatch } from "./ascii-scan.js";

export type TokenKind = "word" | "number" | "time" | "emoji" | "punct";

export interface Token {
  /** Normalised form used for matching (may be a fuzzy correction, see `fuzzy`). */
  norm: string;
  kind: TokenKind;
  /** Written in capitals ("SO TIRED"): a sign of intensity. */
  caps: boolean;
  /** Letters were stretched ("sooo", "tiiired"): a sign of intensity. */
  elongated: boolean;
  /** True when `norm` is a spelling correction of what was typed. */
  fuzzy: boolean;
}

// Unicode property classes cost milliseconds to compile, so plain-ASCII text (most queries) skips them: it is read
// by nextAsciiMatch, the same matches as the regex below without its \p classes.
let unicodeTokenRe: RegExp | undefined;
const NON_ASCII = /[^\x00-\x7f]/;

/** Each token regex match of the text: its text and capture group (1 am/pm time, 2 clock, 3 emoji, 4 word, 5 punctuation). */
function eachMatch(text: string, ascii: boolean, visit: (whole: string, group: number) => void): void {
  if (ascii) {
    for (let m = nextAsciiMatch(text, 0); m !== undefined; m = nextAsciiMatch(text, m.end)) visit(text.slice(m.start, m.end), m.group);
    return;
  }
  unicodeTokenRe ??= /(\d{1,2}(?::\d{2})?\s?(?:am|pm)\b)|(\d{1,2}:\d{2})|(\p{Extended_Pictographic})|([\p{L}\p{N}]+)|([.,;:!?…]+)/gu;
  const re = unicodeTokenRe;
  // exec on the shared regex, not matchAll: matchAll clones (and recompiles) the regex on every call.
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let group = 1;
    while (group < 5 && m[group] === undefined) group++;
    visit(m[0], group);
  }
}

/** Text emoticons read as the emoji they stand for, each with the characters it cannot match without. */
const EMOTICONS: [RegExp, string, string[]][] = [
  [/(?:^|\s)(?::'-?\(|;_;|T_T)(?=\s|$)/g, " 😢 ", [":'", ";_;", "T_T"]],
  [/(?:^|\s)(?:[:=]-?\)+|\^_\^)(?=\s|$|[.,!?])/g, " 🙂 ", [")", "^_^"]],
  [/(?:^|\s)(?:[:=]-?D|xD|XD)(?=\s|$|[.,!?])/g, " 😄 ", ["D"]],
  [/(?:^|\s)(?:[:=]-?\(+)(?=\s|$|[.,!?])/g, " 🙁 ", ["("]],
  [/(?:^|\s)(?:>:-?\()(?=\s|$)/g, " 😠 ", [">:"]],
  [/(?:^|\s)<3+(?=\s|$|[.,!?])/g, " ❤ ", ["<3"]],
];

/** Replaces like text.replace(re, by), but skips the regex (and compiling it, ~0.05 ms cold) when `needs` rules a match out. */
function replaceIf(text: string, needs: readonly string[], re: RegExp, by: string): string {
  return needs.some((part) => text.includes(part)) ? text.replace(re, by) : text;
}

function readEmoticons(text: string): string {
  let out = text;
  for (const emoticon of EMOTICONS) out = replaceIf(out, emoticon[2], emoticon[0], emoticon[1]);
  return out;
}

/** The text ready to split into tokens, and whether it is plain ASCII (tested once: a regex run twice gets compiled twice). */
function cleanText(raw: string): { clean: string; ascii: boolean } {
  const text = readEmoticons(raw);
  const ascii = !NON_ASCII.test(text);
  let clean = ascii
    ? text
    : text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "") // accents: jalapeño -> jalapeno; also drops emoji variation selectors
        .replace(/[\u{1F3FB}-\u{1F3FF}\u200d]/gu, " "); // skin tones and zero-width joiners
  // "-10 out there": the sign would be lost with the other punctuation.
  clean = replaceIf(clean, ["-", "−"], /(^|\s)[-−](\d)/g, "$1minus $2");
  clean = replaceIf(clean, ["'", "’", "‘", "`", "´"], /['’‘`´]/g, "");
  clean = replaceIf(clean, ["°"], /°\s*[cf]?/gi, " degrees ");
  clean = replaceIf(clean, ["/"], /\bw\/o\b/gi, " without ");
  clean = replaceIf(clean, ["/"], /\bw\//gi, " with ");
  clean = replaceIf(clean, ["&"], /&/g, " and ");
  // The replacements above only ever insert ASCII; accents removed may have made other text ASCII.
  return { clean, ascii: ascii || !NON_ASCII.test(clean) };
}

/** /([a-z])\1{2,}/ without a regex: a letter three times in a row ("sooo"). */
function isElongated(word: string): boolean {
  for (let i = 0; i + 2 < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122 && word.charCodeAt(i + 1) === c && word.charCodeAt(i + 2) === c) return true;
  }
  return false;
}

/** "sooo" -> "so", "tiiired" -> "tired": prefer a form the lexicon knows, else keep double letters. */
function shorten(word: string, isKnown: (word: string) => boolean): string {
  const single = word.replace(/([a-z])\1{2,}/g, "$1");
  if (isKnown(single)) return single;
  const double = word.replace(/([a-z])\1{2,}/g, "$1$1");
  return double;
}

export function tokenize(text: string, isKnown: (word: string) => boolean = () => false): Token[] {
  const tokens: Token[] = [];
  const { clean, ascii } = cleanText(text);
  eachMatch(clean, ascii, (whole, group) => {
    if (group === 1 || group === 2) {
      tokens.push({ norm: whole.toLowerCase().replace(/\s/g, ""), kind: "time", caps: false, elongated: false, fuzzy: false });
    } else if (group === 3) {
      tokens.push({ norm: whole, kind: "emoji", caps: false, elongated: false, fuzzy: false });
    } else if (group === 4) {
      const lower = whole.toLowerCase();
      const caps = whole.length >= 3 && whole === whole.toUpperCase() && whole !== lower;
      const elongated = isElongated(lower);
      const kind: TokenKind = isDigits(lower) ? "number" : "word";
      tokens.push({ norm: elongated ? shorten(lower, isKnown) : lower, kind, caps, elongated, fuzzy: false });
    } else {
      tokens.push({ norm: whole, kind: "punct", caps: false, elongated: false, fuzzy: false });
    }
  });
  return tokens;
}

/** Tokenises a trigger phrase from the taxonomy the same way user text is. */
export function triggerWords(phrase: string): string[] {
  // Most triggers are plain lowercase words: skip the full tokenizer (compiling the lexicon stays fast).
  if (/^[a-z0-9 ]+$/.test(phrase)) return phrase.split(" ").filter((word) => word !== "");
  return tokenize(phrase).map((token) => token.norm);
}
