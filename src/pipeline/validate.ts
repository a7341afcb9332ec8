import { sharedLexicon } from "./providers/local/lexicon.js";
import type { Taxonomy } from "./taxonomy.js";

export interface ValidatedLabels {
  /** Known taxonomy labels, normalised, first occurrence order, no duplicates. */
  labels: string[];
  /** Labels that could not be mapped to exactly one taxonomy label, as given. */
  rejected: string[];
}

/** Lowercase, and any run of spaces, hyphens, dots, colons or slashes becomes one underscore. */
function normalise(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[\s\-.:/]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
}

/** The taxonomy guardrail on LLM labels: unknown or ambiguous labels are rejected, never guessed. */
interface LabelIndex {
  known: Set<string>;
  /** "sad" -> [emotion_sad]: label names without their category. */
  bySuffix: Map<string, string[]>;
}

const indexes = new WeakMap<object, LabelIndex>();

function indexOf(key: object, labels: Iterable<[name: string, category: string]>): LabelIndex {
  let index = indexes.get(key);
  if (!index) {
    const known = new Set<string>();
    const bySuffix = new Map<string, string[]>();
    for (const [name, category] of labels) {
      known.add(name);
      const suffix = name.slice(category.length + 1);
      bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), name]);
    }
    index = { known, bySuffix };
    indexes.set(key, index);
  }
  return index;
}

/** Without a taxonomy, the shipped one's labels as the shared lexicon already holds them (no second taxonomy load). */
function labelIndex(taxonomy: Taxonomy | undefined): LabelIndex {
  if (taxonomy) return indexOf(taxonomy, taxonomy.labels.map((spec): [string, string] => [spec.name, spec.category]));
  const { categories } = sharedLexicon();
  return indexOf(categories, categories);
}

export function validateLabels(labels: readonly unknown[], taxonomy?: Taxonomy): ValidatedLabels {
  // "sad" -> emotion_sad only when exactly one label has that name after its category.
  const { known, bySuffix } = labelIndex(taxonomy);
  const out: string[] = [];
  const rejected: string[] = [];
  for (const raw of labels) {
    if (typeof raw !== "string") {
      rejected.push(String(raw));
      continue;
    }
    const name = normalise(raw);
    const candidates = known.has(name) ? [name] : (bySuffix.get(name) ?? []);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only === undefined) rejected.push(raw);
    else if (!out.includes(only)) out.push(only);
  }
  return { labels: out, rejected };
}
