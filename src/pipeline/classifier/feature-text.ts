// The words the classifier reads, and which of them a negation governs: the parser's tokens and negation scopes.
import { negationScopes } from "../negation.js";
import type { Match } from "../providers/local/match.js";
import { type Token, tokenize } from "../text/tokenize.js";

export interface FeatureText {
  /** Normalised tokens; punctuation as one "." token per run (it ends a bigram and a negation). */
  words: readonly string[];
  /** Whether a negation cue governs each word ("nothing spicy": spicy), as the parser's negation reads it. */
  negated: readonly boolean[];
}

/** Tokens and the lexicon matches found in them (none without a lexicon: every cue then counts). */
export function featureText(tokens: readonly Token[], matches: readonly Match[] = []): FeatureText {
  const words: string[] = [];
  const negated: boolean[] = [];
  const governed = new Array<boolean>(tokens.length).fill(false);
  for (const scope of negationScopes(tokens as Token[], matches as Match[])) for (let i = scope.from; i < scope.to; i++) governed[i] = true;
  tokens.forEach((token, i) => {
    words.push(token.kind === "punct" ? "." : token.norm);
    negated.push(governed[i] ?? false);
  });
  return { words, negated };
}

/** The reading of a text without a lexicon (a model trained with lexiconWeight 0 stays independent of it). */
export function plainFeatureText(text: string): FeatureText {
  return featureText(tokenize(text));
}
