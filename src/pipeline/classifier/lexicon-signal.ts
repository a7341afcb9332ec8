// The trigger lexicon's reading of a text, as input features for a classifier trained with lexiconWeight > 0.
import { sharedLexicon } from "../providers/local/lexicon.js";
import { analyseText } from "../providers/local/match.js";
import { labelEvidence } from "../providers/local/semantic-parse.js";
import { featureText } from "./feature-text.js";
import type { LexiconSignal } from "./features.js";

/**
 * Bump when the lexicon parser changes what it reports for the same taxonomy (negation, rules, scoring, tokens):
 * it is part of the model version, so a model's version keeps naming exactly one set of features.
 * 2: the features read the parser's tokens and negation scopes (src/pipeline/text).
 * 3: dislike and contrast cues ("hates", "had enough of", "so over"), dislike cues inside mood triggers.
 */
export const LEXICON_SIGNAL_REVISION = 3;

/** Label strengths from 0.3 up (weak evidence included: the model learns what it is worth). */
export function lexiconSignal(text: string): LexiconSignal {
  const lexicon = sharedLexicon();
  const { ranked, negated } = labelEvidence(text, lexicon);
  // The analysis labelEvidence just made (kept for the same text): no second tokenisation.
  const { tokens, matches } = analyseText(text, lexicon);
  const strengths = new Map<string, number>();
  for (const entry of ranked) if (entry.strength >= 0.3) strengths.set(entry.label, entry.strength);
  return { strengths, negated, text: featureText(tokens, matches) };
}
