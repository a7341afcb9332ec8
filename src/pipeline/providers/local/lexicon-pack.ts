// The shipped lexicon precompiled (fixtures/lexicon.json, written by scripts/precompile-lexicon.mjs): the
// patterns of each lead word as one line of text, so a query decodes only the few lines its words need.
import type { Taxonomy } from "../../taxonomy.js";
import { CompiledLexicon } from "./compiled-lexicon.js";
import type { Pattern, PatternElement } from "./lexicon.js";

export const LEXICON_PACK_FORMAT = "moodfood-lexicon/1";

export interface LexiconPack {
  format: typeof LEXICON_PACK_FORMAT;
  /** Byte size of the taxonomy file it was compiled from: a different size means stale, so queries compile instead. */
  taxonomy_bytes: number;
  labels: string[];
  categories: string[];
  implies: Record<string, Record<string, number>>;
  when_negated: Record<string, Record<string, number>>;
  spelling_targets: string[];
  /** "\n<word>\n...": every word the trigger text contains (Lexicon.knows). */
  words: string;
  /** Encoded patterns of the prefix and number triggers ("stress*", "# minutes"). */
  open: string;
  /** "\n<lead word>\t<encoded patterns>" for every word some trigger starts with. */
  leads: string;
}

// Patterns are "source;elements;label:weight,...;negated,..." joined by "|", labels as taxonomy indexes;
// elements are left empty when they read exactly as the source.
const PATTERNS = "|";
const FIELDS = ";";

function encodeElements(elements: PatternElement[]): string {
  return elements.map((e) => (e.kind === "gap" ? "..." : e.kind === "number" ? "#" : e.kind === "prefix" ? `${e.text}*` : e.text)).join(" ");
}

function decodeElements(text: string): PatternElement[] {
  if (text === "") return [];
  return text.split(" ").map((part): PatternElement => {
    if (part === "...") return { kind: "gap" };
    if (part === "#") return { kind: "number" };
    if (part.endsWith("*")) return { kind: "prefix", text: part.slice(0, -1) };
    return { kind: "word", text: part };
  });
}

function decodePattern(text: string, labels: readonly string[]): Pattern {
  const [source = "", written = "", weights = "", negates = ""] = text.split(FIELDS);
  const elements = decodeElements(written === "" ? source : written);
  return {
    source,
    elements,
    size: elements.filter((e) => e.kind !== "gap").length,
    labels:
      weights === ""
        ? []
        : weights.split(",").map((entry) => {
            const colon = entry.indexOf(":");
            return { label: labels[Number(entry.slice(0, colon))] ?? "", weight: Number(entry.slice(colon + 1)) };
          }),
    negates: negates === "" ? [] : negates.split(",").map((index) => labels[Number(index)] ?? ""),
  };
}

export function decodePatterns(text: string, labels: readonly string[]): Pattern[] {
  return text === "" ? [] : text.split(PATTERNS).map((pattern) => decodePattern(pattern, labels));
}

function indexOfLabel(labels: readonly string[], label: string): number {
  const index = labels.indexOf(label);
  if (index < 0) throw new Error(`lexicon pack: unknown label ${label}`);
  return index;
}

/** Encodes patterns, and checks they decode to exactly the same (a trigger using ";" or "|" cannot be packed). */
function encodePatterns(patterns: Pattern[], labels: readonly string[]): string {
  const text = patterns
    .map((p) => {
      const elements = encodeElements(p.elements);
      const weights = p.labels.map((entry) => `${indexOfLabel(labels, entry.label)}:${entry.weight}`).join(",");
      const negates = p.negates.map((label) => indexOfLabel(labels, label)).join(",");
      return [p.source, elements === p.source ? "" : elements, weights, negates].join(FIELDS);
    })
    .join(PATTERNS);
  if (JSON.stringify(decodePatterns(text, labels)) !== JSON.stringify(patterns)) {
    throw new Error(`lexicon pack: cannot encode the triggers ${patterns.map((p) => JSON.stringify(p.source)).join(", ")}`);
  }
  return text;
}

/** The pack of a taxonomy: what CompiledLexicon would build for every word, computed once at build time. */
export function packLexicon(taxonomy: Taxonomy, taxonomyBytes: number): LexiconPack {
  const lexicon = new CompiledLexicon(taxonomy);
  const labels = taxonomy.labels.map((spec) => spec.name);
  const leads: string[] = [];
  for (const word of lexicon.leadWords()) {
    if (/[\t\n]/.test(word)) throw new Error(`lexicon pack: trigger word ${JSON.stringify(word)} has a tab or newline`);
    const patterns = lexicon.startingWith(word);
    if (patterns.length > 0) leads.push(`\n${word}\t${encodePatterns(patterns, labels)}`);
  }
  const weightsOf = (key: "implies" | "when_negated"): Record<string, Record<string, number>> =>
    Object.fromEntries(taxonomy.labels.filter((spec) => Object.keys(spec[key] ?? {}).length > 0).map((spec) => [spec.name, spec[key] ?? {}]));
  return {
    format: LEXICON_PACK_FORMAT,
    taxonomy_bytes: taxonomyBytes,
    labels,
    categories: taxonomy.labels.map((spec) => spec.category),
    implies: weightsOf("implies"),
    when_negated: weightsOf("when_negated"),
    spelling_targets: lexicon.spellingTargetList(),
    words: `\n${lexicon.textWords().join("\n")}\n`,
    open: encodePatterns(lexicon.openPatterns(), labels),
    leads: `${leads.join("")}\n`,
  };
}
