// The trigger lexicon's reading of a text, as input features for a classifier trained with lexiconWeight > 0.
import { sharedLexicon } from "../providers/local/lexicon.js";
import { labelEvidence } from "../providers/local/semantic-parse.js";
import type { LexiconSignal } from "./features.js";

/**
 * Bump when the lexicon parser changes what it reports for the same taxonomy (negation, rules, scoring):
 * it is part of the model version, so a model's version keeps naming exactly one set of features.
 */
export const LEXICON_SIGNAL_REVISION = 1;

/** Label strengths from 0.3 up (weak evidence included: the model learns what it is worth). */
export function lexiconSignal(text: string): LexiconSignal {
  const { ranked, negated } = labelEvidence(text, sharedLexicon());
  const strengths = new Map<string, number>();
  for (const entry of ranked) if (entry.strength >= 0.3) strengths.set(entry.label, entry.strength);
  return { strengths, negated };
}
