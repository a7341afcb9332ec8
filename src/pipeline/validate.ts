import { loadTaxonomy, type Taxonomy } from "./taxonomy.js";

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

const indexes = new WeakMap<Taxonomy, LabelIndex>();

function indexOf(taxonomy: Taxonomy): LabelIndex {
  let index = indexes.get(taxonomy);
  if (!index) {
    const bySuffix = new Map<string, string[]>();
    for (const spec of taxonomy.labels) {
      const suffix = spec.name.slice(spec.category.length + 1);
      bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), spec.name]);
    }
    index = { known: new Set(taxonomy.labels.map((spec) => spec.name)), bySuffix };
    indexes.set(taxonomy, index);
  }
  return index;
}

export function validateLabels(labels: readonly unknown[], taxonomy: Taxonomy = loadTaxonomy()): ValidatedLabels {
  // "sad" -> emotion_sad only when exactly one label has that name after its category.
  const { known, bySuffix } = indexOf(taxonomy);
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
