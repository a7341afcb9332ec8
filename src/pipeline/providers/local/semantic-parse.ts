// The lexicon parser: triggers + rules -> label strengths, minus what the user ruled out.
import { negatedLabelsFrom } from "../../negation.js";
import type { Token } from "../../text/tokenize.js";
import { words } from "../../text/word-list.js";
import { intensityOf, isModifier, overallIntensity } from "./intensity.js";
import type { Lexicon } from "./lexicon.js";
import { analyseText } from "./match.js";
import { ruleHits } from "./rules.js";

export interface LabelStrength {
  label: string;
  /** 0..1, noisy-OR of the evidence for the label. */
  strength: number;
}

export interface LocalParse {
  /** Labels the text expresses, strongest first. */
  labels: LabelStrength[];
  negated: string[];
  /** How sure the parser is that its labels are right and complete, 0..1. */
  confidence: number;
  /** 0.8 hedged .. ~1.7 shouted. */
  intensity: number;
  /** Trigger phrases that fired, for explanations. */
  evidence: string[];
}

/** A label counts when its strength reaches this: one strong trigger, or weak ones that agree. */
export const INCLUDE_AT = 0.5;
/** With nothing strong, weak evidence is still reported (with a low confidence). */
const WEAK_FLOOR = 0.3;
const MAX_LABELS = 6;
const FUZZY_FACTOR = 0.85;

const FUNCTION_WORDS = new Set(
  words(`
    i im me my a an the and or to of for in on at it its is am are was be been this that with some something anything
    what want wanna need like feel feeling just get got can could would should eat food have had do dont please today
    now any ideas idea recommend suggest craving crave mood up out but all day lol tbh rn pls we you your our us so too
    ive id ill one make good bit
  `),
);

function noisyOr(values: number[]): number {
  let rest = 1;
  for (const value of values) rest *= 1 - Math.min(0.97, value);
  return 1 - rest;
}

function sourcesOf(matches: readonly { pattern: { source: string } }[]): string[] {
  const sources: string[] = [];
  for (const match of matches) sources.push(match.pattern.source);
  return sources;
}

/** Share of the meaningful words that some trigger or rule explained. */
function coverage(tokens: Token[], covered: boolean[]): number {
  let content = 0;
  let explained = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "punct" || (token.kind === "word" && (FUNCTION_WORDS.has(token.norm) || isModifier(token.norm)))) continue;
    content++;
    if (covered[i]) explained++;
  }
  return content === 0 ? 0 : explained / content;
}

/** Every label with any evidence, strongest first, before the cut to the labels worth reporting. */
export interface LabelEvidence {
  ranked: LabelStrength[];
  negated: string[];
  coverage: number;
  intensity: number;
  evidence: string[];
}

/** The last text's evidence: the classifier's lexicon features read the same query right after the provider. */
let last: { text: string; lexicon: Lexicon; fromText: readonly string[]; evidence: LabelEvidence } | undefined;

/** True when the labels add nothing to those the text itself rules out (the evidence is then the same). */
const within = (labels: readonly string[], fromText: readonly string[]): boolean => labels.every((label) => fromText.includes(label));

export function labelEvidence(text: string, lexicon: Lexicon, alsoNegated: readonly string[] = []): LabelEvidence {
  if (last?.text === text && last.lexicon === lexicon && within(alsoNegated, last.fromText)) return last.evidence;
  const { tokens, matches } = analyseText(text, lexicon);
  const fromText = negatedLabelsFrom(tokens, matches, lexicon);
  const negated = new Set(fromText);
  for (const label of alsoNegated) negated.add(label);
  const evidence = new Map<string, number[]>();
  const covered = new Array<boolean>(tokens.length).fill(false);
  const add = (label: string, value: number): void => {
    const values = evidence.get(label);
    if (values) values.push(value);
    else evidence.set(label, [value]);
  };
  for (const match of matches) {
    const factor = intensityOf(tokens, match) * (match.fuzzy ? FUZZY_FACTOR : 1);
    for (const { label, weight } of match.pattern.labels) add(label, weight * factor);
    for (let i = match.start; i < match.end; i++) covered[i] = true;
  }
  for (const hit of ruleHits(tokens)) {
    add(hit.label, hit.weight);
    for (let i = Math.max(0, hit.start); i < hit.end; i++) covered[i] = true;
  }
  for (const label of negated) for (const opposite of lexicon.whenNegated.get(label) ?? []) add(opposite.label, opposite.weight);
  // Maps walked with forEach, not for...of [key, value]: destructuring runs the iterator protocol in cold code.
  const strengths = new Map<string, number>();
  evidence.forEach((values, label) => {
    if (!negated.has(label)) strengths.set(label, noisyOr(values));
  });
  // Implied needs (cold -> warming) add evidence once, from the label's own strength (as it was before this loop).
  const before: LabelStrength[] = [];
  strengths.forEach((strength, label) => {
    before.push({ label, strength });
  });
  for (const { label, strength } of before) {
    for (const implied of lexicon.implies.get(label) ?? []) {
      if (negated.has(implied.label)) continue;
      const current = strengths.get(implied.label) ?? 0;
      strengths.set(implied.label, noisyOr([current, strength * implied.weight]));
    }
  }
  const ranked: LabelStrength[] = [];
  strengths.forEach((strength, label) => {
    ranked.push({ label, strength: Math.min(1, strength) });
  });
  ranked.sort((a, b) => b.strength - a.strength || (a.label < b.label ? -1 : 1));
  const result = {
    ranked,
    negated: [...negated],
    coverage: coverage(tokens, covered),
    intensity: overallIntensity(tokens, matches),
    evidence: sourcesOf(matches),
  };
  if (within(alsoNegated, fromText)) last = { text, lexicon, fromText, evidence: result };
  return result;
}

export function parseLocally(text: string, lexicon: Lexicon, alsoNegated: readonly string[] = []): LocalParse {
  const { ranked, negated, coverage: covered, intensity, evidence } = labelEvidence(text, lexicon, alsoNegated);
  const strong = ranked.filter((entry) => entry.strength >= INCLUDE_AT);
  const labels = (strong.length > 0 ? strong : ranked.filter((entry) => entry.strength >= WEAK_FLOOR)).slice(0, MAX_LABELS);
  // Copies: the evidence may be the one labelEvidence keeps for the next reader of the same text.
  return {
    labels,
    negated: [...negated],
    confidence: confidenceOf(labels, covered, strong.length > 0),
    intensity,
    evidence: [...evidence],
  };
}

/** Strong, agreeing evidence that explains most of the text -> high; little matched -> low. */
function confidenceOf(labels: LabelStrength[], covered: number, anyStrong: boolean): number {
  if (labels.length === 0) return 0.05;
  const top = labels.slice(0, 3);
  const mean = top.reduce((sum, entry) => sum + entry.strength, 0) / top.length;
  const raw = 0.1 + 0.45 * mean + 0.4 * covered;
  return Math.round(Math.min(0.95, anyStrong ? raw : raw * 0.5) * 1000) / 1000;
}
