// The trigger lexicon: which taxonomy labels a phrase in the text signals. Queries read the shipped
// taxonomy's lexicon precompiled (fixtures/lexicon.json); any other taxonomy is compiled on demand.
import type { Taxonomy } from "../../taxonomy.js";
import type { Token } from "../../text/tokenize.js";
import { CompiledLexicon } from "./compiled-lexicon.js";
import { loadShippedLexicon } from "./shipped-lexicon.js";

export type PatternElement = { kind: "word"; text: string } | { kind: "prefix"; text: string } | { kind: "gap" } | { kind: "number" };

export interface LabelWeight {
  label: string;
  weight: number;
}

export interface Pattern {
  /** The trigger as written, for explanations and tests. */
  source: string;
  elements: PatternElement[];
  /** Elements that must match (gaps excluded): longer patterns win overlaps. */
  size: number;
  labels: LabelWeight[];
  /** Labels the phrase rules out ("nothing too heavy" rules out goal_indulgence). */
  negates: string[];
}

export interface Lexicon {
  readonly implies: ReadonlyMap<string, LabelWeight[]>;
  readonly whenNegated: ReadonlyMap<string, LabelWeight[]>;
  /** Label name -> its category, in taxonomy order. */
  readonly categories: ReadonlyMap<string, string>;
  /** Patterns whose first element is this exact word or emoji. */
  startingWith(word: string): Pattern[];
  /** Patterns that start with a prefix ("stress*") or a number ("# minutes"). */
  openPatterns(): Pattern[];
  /** The open patterns that may match from this token, in openPatterns() order (the others cannot start here). */
  openPatternsAt(token: Token): Pattern[];
  /** True when some trigger contains this word (lowercase a-z), or a prefix trigger covers it. */
  knows(word: string): boolean;
  /** Spelling targets a typo of `word` could mean: same first letter, length within the edit budget. */
  spellingCandidates(word: string): string[];
}

export function compileLexicon(taxonomy: Taxonomy): Lexicon {
  return new CompiledLexicon(taxonomy);
}

let shared: Lexicon | undefined;

/** The lexicon of the shipped taxonomy, loaded once per process (parse, the local provider and the classifier share it). */
export function sharedLexicon(): Lexicon {
  shared ??= loadShippedLexicon();
  return shared;
}
