// The taxonomy's trigger phrases, searched as text and compiled lazily per word a query contains:
// a CLI query must not pay to compile a few thousand phrases it will never use.
import { type Taxonomy, loadTaxonomy } from "../../taxonomy.js";
import { maxEdits } from "./fuzzy.js";
import { triggerWords } from "./tokenize.js";

export type PatternElement =
  | { kind: "word"; text: string }
  | { kind: "prefix"; text: string }
  | { kind: "gap" }
  | { kind: "number" };

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

export const STRONG_WEIGHT = 0.9;
export const WEAK_WEIGHT = 0.4;
/** Extra labels of a trigger ({t, also}) count a little less than the label it belongs to. */
const ALSO_FACTOR = 0.9;
const PLAIN = /^[a-z0-9 ]+$/;

interface RawTrigger {
  source: string;
  label: string;
  weak: boolean;
  also: readonly string[];
  not: readonly string[];
}

function parseElements(phrase: string): PatternElement[] {
  if (PLAIN.test(phrase)) return phrase.split(" ").filter(Boolean).map((text) => ({ kind: "word", text }));
  return phrase.split(/\s+/).flatMap((part): PatternElement[] => {
    if (part === "...") return [{ kind: "gap" }];
    if (part === "#") return [{ kind: "number" }];
    if (part.endsWith("*") && part.length > 3) return [{ kind: "prefix", text: triggerWords(part.slice(0, -1)).join("") }];
    return triggerWords(part).map((text) => ({ kind: "word", text }));
  });
}

function addLabel(pattern: Pattern, label: string, weight: number): void {
  const existing = pattern.labels.find((entry) => entry.label === label);
  if (existing) existing.weight = Math.max(existing.weight, weight);
  else pattern.labels.push({ label, weight });
}

/** One pattern per distinct phrase, carrying every label that lists it. */
function buildPatterns(raws: RawTrigger[]): Pattern[] {
  const bySource = new Map<string, Pattern>();
  for (const raw of raws) {
    let pattern = bySource.get(raw.source);
    if (!pattern) {
      const elements = parseElements(raw.source);
      pattern = { source: raw.source, elements, size: elements.filter((e) => e.kind !== "gap").length, labels: [], negates: [] };
      bySource.set(raw.source, pattern);
    }
    const weight = raw.weak ? WEAK_WEIGHT : STRONG_WEIGHT;
    addLabel(pattern, raw.label, weight);
    for (const extra of raw.also) addLabel(pattern, extra, weight * ALSO_FACTOR);
    for (const ruledOut of raw.not) if (!pattern.negates.includes(ruledOut)) pattern.negates.push(ruledOut);
  }
  return [...bySource.values()];
}

function rawOf(line: string, label: string, extra?: { also?: string[]; not?: string[] }): RawTrigger {
  const weak = line.startsWith("~");
  return { source: weak ? line.slice(1) : line, label, weak, also: extra?.also ?? [], not: extra?.not ?? [] };
}

export class Lexicon {
  readonly implies = new Map<string, LabelWeight[]>();
  readonly whenNegated = new Map<string, LabelWeight[]>();
  readonly categories = new Map<string, string>();
  /** Per label: "\n" + its plain triggers one a line + "\n", searched with indexOf. */
  private readonly texts: { label: string; text: string }[] = [];
  /** Every trigger's text, for "is this a lexicon word" and spelling candidates. */
  private readonly allText: string;
  /** Triggers with extra effects ({t, also, not}), few enough to keep as objects. */
  private readonly rich: RawTrigger[] = [];
  private readonly compiled = new Map<string, Pattern[]>();
  private readonly known = new Map<string, boolean>();
  private open: Pattern[] | undefined;
  private readonly spellingTargets = new Map<string, string[]>();

  constructor(taxonomy: Taxonomy) {
    const all: string[] = [];
    for (const spec of taxonomy.labels) {
      this.categories.set(spec.name, spec.category);
      const implied = Object.entries(spec.implies ?? {}).map(([label, weight]) => ({ label, weight }));
      if (implied.length > 0) this.implies.set(spec.name, implied);
      const opposite = Object.entries(spec.when_negated ?? {}).map(([label, weight]) => ({ label, weight }));
      if (opposite.length > 0) this.whenNegated.set(spec.name, opposite);
      for (const rule of spec.trigger_rules ?? []) this.rich.push(rawOf(rule.t, spec.name, rule));
      const text = `\n${spec.triggers.join("\n")}\n`;
      this.texts.push({ label: spec.name, text });
      all.push(text);
    }
    for (const target of taxonomy.spelling_targets ?? []) {
      const initial = target[0] ?? "";
      this.spellingTargets.set(initial, [...(this.spellingTargets.get(initial) ?? []), target]);
    }
    this.allText = `${all.join("")}\n${this.rich.map((raw) => raw.source).join("\n")}\n`;
  }

  /** Patterns whose first element is this exact word or emoji. */
  startingWith(word: string): Pattern[] {
    let patterns = this.compiled.get(word);
    if (patterns) return patterns;
    const raws: RawTrigger[] = [];
    for (const { label, text } of this.texts) {
      for (const lead of [`\n${word}`, `\n~${word}`]) {
        for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
          const after = text[at + lead.length];
          if (after !== " " && after !== "\n") continue;
          raws.push(rawOf(text.slice(at + 1, text.indexOf("\n", at + 1)), label));
        }
      }
    }
    for (const raw of this.rich) if (raw.source === word || raw.source.startsWith(`${word} `)) raws.push(raw);
    patterns = buildPatterns(raws);
    this.compiled.set(word, patterns);
    return patterns;
  }

  /** Patterns that start with a prefix ("stress*") or a number ("# minutes"). */
  openPatterns(): Pattern[] {
    if (!this.open) {
      const raws: RawTrigger[] = [];
      // Found with indexOf, not a regex over every line: this runs on the query path.
      for (const { label, text } of this.texts) {
        const starts = new Set<number>();
        for (let at = text.indexOf("*"); at >= 0; at = text.indexOf("*", at + 1)) {
          const lineStart = text.lastIndexOf("\n", at) + 1;
          if (!text.slice(lineStart, at).includes(" ")) starts.add(lineStart);
        }
        for (const lead of ["\n#", "\n~#"]) for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) starts.add(at + 1);
        for (const start of [...starts].sort((x, y) => x - y)) raws.push(rawOf(text.slice(start, text.indexOf("\n", start)), label));
      }
      for (const raw of this.rich) if (/^(#|\S+\*)( |$)/.test(raw.source)) raws.push(raw);
      this.open = buildPatterns(raws);
    }
    return this.open;
  }

  /** True when some trigger contains this word (lowercase a-z), or a prefix trigger covers it. */
  knows(word: string): boolean {
    let answer = this.known.get(word);
    if (answer === undefined) {
      answer =
        /^[a-z0-9]+$/.test(word) &&
        (new RegExp(`[\\n ~]${word}[\\n ]`).test(this.allText) ||
          this.openPatterns().some((p) => p.elements.some((e) => e.kind === "prefix" && word.startsWith(e.text))));
      this.known.set(word, answer);
    }
    return answer;
  }

  /** Spelling targets a typo of `word` could mean: same first letter, length within the edit budget. */
  spellingCandidates(word: string): string[] {
    const slack = maxEdits(word);
    return (this.spellingTargets.get(word[0] ?? "") ?? []).filter((target) => Math.abs(target.length - word.length) <= slack);
  }
}

export function compileLexicon(taxonomy: Taxonomy): Lexicon {
  return new Lexicon(taxonomy);
}

let shared: Lexicon | undefined;

/** The lexicon of the shipped taxonomy, built once per process (parse and the local provider share it). */
export function sharedLexicon(): Lexicon {
  shared ??= compileLexicon(loadTaxonomy());
  return shared;
}
