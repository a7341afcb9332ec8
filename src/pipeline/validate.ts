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

/** Label name -> category, in taxonomy order. */
type Categories = ReadonlyMap<string, string>;

const categoriesByTaxonomy = new WeakMap<Taxonomy, Categories>();
const suffixIndexes = new WeakMap<Categories, Map<string, string[]>>();

/** Without a taxonomy, the shipped one's labels as the shared lexicon already holds them (no second taxonomy load). */
function categoriesOf(taxonomy: Taxonomy | undefined): Categories {
  if (!taxonomy) return sharedLexicon().categories;
  let categories = categoriesByTaxonomy.get(taxonomy);
  if (!categories) {
    categories = new Map(taxonomy.labels.map((spec) => [spec.name, spec.category]));
    categoriesByTaxonomy.set(taxonomy, categories);
  }
  return categories;
}

/** "sad" -> [emotion_sad]: label names without their category. Built on first need (exact names never need it). */
function suffixIndex(categories: Categories): Map<string, string[]> {
  let bySuffix = suffixIndexes.get(categories);
  if (!bySuffix) {
    bySuffix = new Map();
    for (const [name, category] of categories) {
      const suffix = name.slice(category.length + 1);
      bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), name]);
    }
    suffixIndexes.set(categories, bySuffix);
  }
  return bySuffix;
}

/** Labels normalise() leaves as they are. */
const CANONICAL = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** The taxonomy guardrail on LLM labels: unknown or ambiguous labels are rejected, never guessed. */
export function validateLabels(labels: readonly unknown[], taxonomy?: Taxonomy): ValidatedLabels {
  const categories = categoriesOf(taxonomy);
  const out: string[] = [];
  const rejected: string[] = [];
  for (const raw of labels) {
    if (typeof raw !== "string") {
      rejected.push(String(raw));
      continue;
    }
    const name = categories.has(raw) && CANONICAL.test(raw) ? raw : normalise(raw);
    // "sad" -> emotion_sad only when exactly one label has that name after its category.
    const candidates = categories.has(name) ? [name] : (suffixIndex(categories).get(name) ?? []);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only === undefined) rejected.push(raw);
    else if (!out.includes(only)) out.push(only);
  }
  return { labels: out, rejected };
}
