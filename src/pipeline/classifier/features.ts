// Hashed word uni/bi-grams and character n-grams: a bounded vocabulary that tolerates typos and slang.
import { FNV_OFFSET, fnvStep, hash32, murmurFinalise } from "../../hashing.js";
import { type FeatureText, plainFeatureText } from "./feature-text.js";

export interface FeatureConfig {
  /** Hash space is 2^hashBits buckets. */
  hashBits: number;
  /** Character n-gram lengths, inclusive, taken inside " word " with its boundary spaces. */
  charMin: number;
  charMax: number;
  /** Weight of the (L2-normalised) word and character feature groups in the final vector. */
  wordWeight: number;
  charWeight: number;
  /** Words a negation governs ("nothing spicy") get their own features ("!spicy"), so negation is learnable. */
  markNegation: boolean;
  /**
   * Weight of the lexicon group: which taxonomy labels the trigger lexicon finds (and rules out) in the
   * text. 0 leaves the model purely statistical; above 0 it learns when the lexicon is right.
   */
  lexiconWeight: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 18,
  charMin: 3,
  charMax: 4,
  wordWeight: 1,
  charWeight: 0.8,
  markNegation: true,
  lexiconWeight: 3,
};

/** Lexicon evidence for a text: label -> strength (positive), labels ruled out, and the text as the parser read it. */
export interface LexiconSignal {
  strengths: ReadonlyMap<string, number>;
  negated: readonly string[];
  text: FeatureText;
}

/** A sparse feature vector, buckets ascending and unique. */
export interface SparseVector {
  buckets: Uint32Array;
  values: Float32Array;
}

/** FNV-1a then a murmur finaliser: a stable, well-mixed 32-bit hash of a string. */
export function hashString(text: string): number {
  return hash32(text);
}

const CHAR_PREFIX = fnvStep(fnvStep(FNV_OFFSET, "c".charCodeAt(0)), ":".charCodeAt(0));

/** Buckets of the character n-grams of " word ", hashed in place (same as hashString(`c:${gram}`)). */
function countCharGrams(word: string, config: FeatureConfig, mask: number, counts: Map<number, number>): void {
  const padded = ` ${word} `;
  const { charMin, charMax } = config;
  for (let i = 0; i + charMin <= padded.length; i++) {
    let h = CHAR_PREFIX;
    for (let j = i; j < padded.length && j - i < charMax; j++) {
      h = Math.imul(h ^ padded.charCodeAt(j), 0x01000193);
      if (j - i + 1 >= charMin) {
        const b = murmurFinalise(h) & mask;
        counts.set(b, (counts.get(b) ?? 0) + 1);
      }
    }
  }
}

// forEach, not for...of with [key, value]: no entry array or iterator result per element in cold code.
function addGroup(into: Map<number, number>, counts: Map<number, number>, weight: number): void {
  let norm = 0;
  counts.forEach((count) => {
    norm += count * count;
  });
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  counts.forEach((count, bucket) => {
    into.set(bucket, (into.get(bucket) ?? 0) + count * scale);
  });
}

export function extractFeatures(text: string, config: FeatureConfig = DEFAULT_FEATURE_CONFIG, lexicon?: LexiconSignal): SparseVector {
  const mask = 2 ** config.hashBits - 1;
  const bucket = (feature: string): number => hashString(feature) & mask;
  const wordCounts = new Map<number, number>();
  const charCounts = new Map<number, number>();
  const count = (counts: Map<number, number>, feature: string): void => {
    const b = bucket(feature);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  const { words, negated } = lexicon?.text ?? plainFeatureText(text);
  let previous = "<s>";
  words.forEach((word, i) => {
    if (word === ".") {
      previous = "<p>";
      return;
    }
    count(wordCounts, `w:${word}`);
    if (config.markNegation && negated[i]) count(wordCounts, `w:!${word}`);
    count(wordCounts, `b:${previous} ${word}`);
    previous = word;
    countCharGrams(word, config, mask, charCounts);
  });
  if (words.length > 0) count(wordCounts, `b:${previous} </s>`);
  const merged = new Map<number, number>();
  addGroup(merged, wordCounts, config.wordWeight);
  addGroup(merged, charCounts, config.charWeight);
  if (lexicon && config.lexiconWeight > 0) {
    // Not normalised: a strong match should weigh the same whatever else the text says.
    lexicon.strengths.forEach((strength, label) => {
      const b = bucket(`l:${label}`);
      merged.set(b, (merged.get(b) ?? 0) + strength * config.lexiconWeight);
    });
    for (const label of lexicon.negated) {
      const b = bucket(`n:${label}`);
      merged.set(b, (merged.get(b) ?? 0) + config.lexiconWeight);
    }
  }
  // A typed array sorts numerically without a comparator: no calls back into JavaScript.
  const buckets = Uint32Array.from(merged.keys()).sort();
  const values = new Float32Array(buckets.length);
  for (let k = 0; k < buckets.length; k++) values[k] = merged.get(buckets[k]!) ?? 0;
  return { buckets, values };
}
