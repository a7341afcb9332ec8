// Finds trigger phrases in tokens; where phrases overlap the longest one wins.
import { isLowerWord } from "../../text/ascii-class.js";
import { correctSpelling } from "../../text/fuzzy.js";
import { type Token, tokenize } from "../../text/tokenize.js";
import { elementMatches } from "./element-match.js";
import type { Lexicon, Pattern, PatternElement } from "./lexicon.js";

export interface Match {
  pattern: Pattern;
  /** Token index of the first matched token. */
  start: number;
  /** Token index after the last matched token. */
  end: number;
  /** Some matched word was a spelling correction. */
  fuzzy: boolean;
}

/** Words skipped by a "..." gap: at most this many, never across punctuation. */
const MAX_GAP = 3;

/** Index after the match of elements[e..] starting at token i, or -1. */
function matchFrom(elements: PatternElement[], e: number, tokens: Token[], i: number): number {
  const element = elements[e];
  if (element === undefined) return i;
  if (element.kind === "gap") {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      const end = matchFrom(elements, e + 1, tokens, i + skip);
      if (end >= 0) return end;
      const skipped = tokens[i + skip];
      if (skipped === undefined || skipped.kind === "punct") break;
    }
    return -1;
  }
  const token = tokens[i];
  if (token === undefined || !elementMatches(element, token)) return -1;
  return matchFrom(elements, e + 1, tokens, i + 1);
}

/** Tokenises text and replaces likely typos of lexicon words by the word meant. */
export function lexiconTokens(text: string, lexicon: Lexicon): Token[] {
  const tokens = tokenize(text, (word) => lexicon.knows(word));
  for (const token of tokens) {
    // Only words that could be typos of lexicon words are checked (the lexicon's words are all lowercase a-z).
    if (token.kind !== "word" || token.norm.length < 5 || !isLowerWord(token.norm) || lexicon.knows(token.norm)) continue;
    // Dropped g: "starvin", "freezin", "feelin".
    if (token.norm.endsWith("in") && lexicon.knows(`${token.norm}g`)) {
      token.norm = `${token.norm}g`;
      continue;
    }
    const corrected = correctSpelling(token.norm, lexicon.spellingCandidates(token.norm));
    if (corrected !== undefined && corrected !== token.norm) {
      token.norm = corrected;
      token.fuzzy = true;
    }
  }
  return tokens;
}

export function findMatches(tokens: Token[], lexicon: Lexicon): Match[] {
  const candidates: Match[] = [];
  // Loops and concat, not forEach/some callbacks and spreads: this runs once per query, in cold code.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "punct") continue;
    for (const pattern of lexicon.startingWith(token.norm).concat(lexicon.openPatternsAt(token))) {
      const end = matchFrom(pattern.elements, 0, tokens, i);
      if (end < 0) continue;
      let fuzzy = false;
      for (let k = i; k < end; k++) if (tokens[k]?.fuzzy) fuzzy = true;
      candidates.push({ pattern, start: i, end, fuzzy });
    }
  }
  // Longest first (by words matched), then leftmost: "sick of" beats "sick", "hot day" beats "hot".
  candidates.sort((a, b) => b.pattern.size - a.pattern.size || a.start - b.start || b.end - a.end);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const kept: Match[] = [];
  const swallowed: Match[] = [];
  for (const match of candidates) {
    let free = true;
    for (let i = match.start; i < match.end; i++) if (taken[i]) free = false;
    if (!free) {
      swallowed.push(match);
      continue;
    }
    for (let i = match.start; i < match.end; i++) taken[i] = true;
    kept.push(match);
  }
  // A longer phrase re-reads the words inside it ("sick of" is not health_sick), but the setting those
  // words name stays true: "night shift" is still work, "3am feed" still late at night.
  for (const match of swallowed) {
    const context = contextOnly(match.pattern);
    if (context && kept.some((k) => k.start <= match.start && k.end >= match.end)) kept.push({ ...match, pattern: context });
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

const CONTEXT_LABEL = /^(occasion_work|meal_)/;
const contextPatterns = new WeakMap<Pattern, Pattern | null>();

/** The part of a pattern that names a setting (work, a meal), or null when it names none. */
function contextOnly(pattern: Pattern): Pattern | null {
  let context = contextPatterns.get(pattern);
  if (context === undefined) {
    const labels = pattern.labels.filter((entry) => CONTEXT_LABEL.test(entry.label));
    context = labels.length > 0 ? { ...pattern, labels, negates: [] } : null;
    contextPatterns.set(pattern, context);
  }
  return context;
}

export interface Analysis {
  tokens: Token[];
  matches: Match[];
}

const recent = new Map<string, Analysis>();
const RECENT_LIMIT = 8;

/**
 * Tokens and trigger matches of a text. The parse stage, the local provider and the classifier's
 * lexicon features all read the same query, so the last few analyses are kept.
 */
export function analyseText(text: string, lexicon: Lexicon): Analysis {
  const key = text;
  const cached = recent.get(key);
  if (cached && cachedLexicon === lexicon) return cached;
  if (cachedLexicon !== lexicon) recent.clear();
  cachedLexicon = lexicon;
  const tokens = lexiconTokens(text, lexicon);
  const analysis = { tokens, matches: findMatches(tokens, lexicon) };
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value ?? "");
  recent.set(key, analysis);
  return analysis;
}

let cachedLexicon: Lexicon | undefined;
