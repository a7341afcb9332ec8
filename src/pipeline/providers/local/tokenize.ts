// Turns user text into comparable tokens: lowercase, no accents or apostrophes, emoji kept as tokens.

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

// Unicode property classes cost milliseconds to compile, so plain-ASCII text (most queries) skips them.
let unicodeTokenRe: RegExp | undefined;
const ASCII_TOKEN_RE = /(\d{1,2}(?::\d{2})?\s?(?:am|pm)\b)|(\d{1,2}:\d{2})|(\x00\x00)|([a-zA-Z0-9]+)|([.,;:!?]+)/g;
const ELONGATED_RE = /([a-z])\1{2,}/;
const NON_ASCII = /[^\x00-\x7f]/;

function tokenPattern(text: string): RegExp {
  if (!NON_ASCII.test(text)) return ASCII_TOKEN_RE;
  unicodeTokenRe ??= /(\d{1,2}(?::\d{2})?\s?(?:am|pm)\b)|(\d{1,2}:\d{2})|(\p{Extended_Pictographic})|([\p{L}\p{N}]+)|([.,;:!?…]+)/gu;
  return unicodeTokenRe;
}

/** Text emoticons read as the emoji they stand for. */
const EMOTICONS: [RegExp, string][] = [
  [/(?:^|\s)(?::'-?\(|;_;|T_T)(?=\s|$)/g, " 😢 "],
  [/(?:^|\s)(?:[:=]-?\)+|\^_\^)(?=\s|$|[.,!?])/g, " 🙂 "],
  [/(?:^|\s)(?:[:=]-?D|xD|XD)(?=\s|$|[.,!?])/g, " 😄 "],
  [/(?:^|\s)(?:[:=]-?\(+)(?=\s|$|[.,!?])/g, " 🙁 "],
  [/(?:^|\s)(?:>:-?\()(?=\s|$)/g, " 😠 "],
  [/(?:^|\s)<3+(?=\s|$|[.,!?])/g, " ❤ "],
];

function readEmoticons(text: string): string {
  if (!/[:;=<^xXT>]/.test(text)) return text;
  return EMOTICONS.reduce((out, [re, emoji]) => out.replace(re, emoji), text);
}

function cleanText(text: string): string {
  text = readEmoticons(text);
  const ascii = NON_ASCII.test(text)
    ? text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "") // accents: jalapeño -> jalapeno; also drops emoji variation selectors
        .replace(/[\u{1F3FB}-\u{1F3FF}\u200d]/gu, " ") // skin tones and zero-width joiners
    : text;
  return ascii
    .replace(/(^|\s)[-−](\d)/g, "$1minus $2") // "-10 out there": the sign would be lost with the other punctuation
    .replace(/['’‘`´]/g, "")
    .replace(/°\s*[cf]?/gi, " degrees ")
    .replace(/\bw\/o\b/gi, " without ")
    .replace(/\bw\//gi, " with ")
    .replace(/&/g, " and ");
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
  const clean = cleanText(text);
  for (const m of clean.matchAll(tokenPattern(clean))) {
    const [whole, ampm, clock, emoji, word, punct] = m;
    if (ampm !== undefined || clock !== undefined) {
      tokens.push({ norm: whole.toLowerCase().replace(/\s/g, ""), kind: "time", caps: false, elongated: false, fuzzy: false });
    } else if (emoji !== undefined) {
      tokens.push({ norm: emoji, kind: "emoji", caps: false, elongated: false, fuzzy: false });
    } else if (word !== undefined) {
      const lower = word.toLowerCase();
      const caps = word.length >= 3 && word === word.toUpperCase() && word !== lower;
      const elongated = ELONGATED_RE.test(lower);
      const kind: TokenKind = /^\d+$/.test(lower) ? "number" : "word";
      tokens.push({ norm: elongated ? shorten(lower, isKnown) : lower, kind, caps, elongated, fuzzy: false });
    } else if (punct !== undefined) {
      tokens.push({ norm: punct, kind: "punct", caps: false, elongated: false, fuzzy: false });
    }
  }
  return tokens;
}

/** Tokenises a trigger phrase from the taxonomy the same way user text is. */
export function triggerWords(phrase: string): string[] {
  // Most triggers are plain lowercase words: skip the full tokenizer (compiling the lexicon stays fast).
  if (/^[a-z0-9 ]+$/.test(phrase)) return phrase.split(" ").filter((word) => word !== "");
  return tokenize(phrase).map((token) => token.norm);
}
