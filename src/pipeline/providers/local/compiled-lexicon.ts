// The reference lexicon: a taxonomy's trigger phrases kept as one text, searched with indexOf and compiled
// lazily per word a query contains. Any taxonomy can be read this way; the shipped one is packed from it (pack-lexicon.ts).
import type { Taxonomy } from "../../taxonomy.js";
import { maxEdits } from "../../text/fuzzy.js";
import { type Token, triggerWords } from "../../text/tokenize.js";
import { mayStartAt } from "./element-match.js";
import type { LabelWeight, Lexicon, Pattern, PatternElement } from "./lexicon.js";

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
  if (PLAIN.test(phrase))
    return phrase
      .split(" ")
      .filter(Boolean)
      .map((text) => ({ kind: "word", text }));
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

export class CompiledLexicon implements Lexicon {
  readonly implies = new Map<string, LabelWeight[]>();
  readonly whenNegated = new Map<string, LabelWeight[]>();
  readonly categories = new Map<string, string>();
  /** Every plain trigger on its own line as "\n<trigger>\t<label index>", searched with indexOf. */
  private readonly index: string;
  private readonly labelNames: string[] = [];
  /** Every trigger's text, for "is this a lexicon word". */
  private readonly allText: string;
  /** Triggers with extra effects ({t, also, not}), few enough to keep as objects. */
  private readonly rich: RawTrigger[] = [];
  private readonly compiled = new Map<string, Pattern[]>();
  private readonly known = new Map<string, boolean>();
  private open: Pattern[] | undefined;
  private readonly spellingTargets = new Map<string, string[]>();

  constructor(taxonomy: Taxonomy) {
    const all: string[] = [];
    for (const [i, spec] of taxonomy.labels.entries()) {
      this.labelNames.push(spec.name);
      this.categories.set(spec.name, spec.category);
      const implied = Object.entries(spec.implies ?? {}).map(([label, weight]) => ({ label, weight }));
      if (implied.length > 0) this.implies.set(spec.name, implied);
      const opposite = Object.entries(spec.when_negated ?? {}).map(([label, weight]) => ({ label, weight }));
      if (opposite.length > 0) this.whenNegated.set(spec.name, opposite);
      for (const rule of spec.trigger_rules ?? []) this.rich.push(rawOf(rule.t, spec.name, rule));
      if (spec.triggers.length > 0) all.push(`\n${spec.triggers.join(`\t${i}\n`)}\t${i}`);
    }
    this.index = `${all.join("")}\n`;
    for (const target of taxonomy.spelling_targets ?? []) {
      const initial = target[0] ?? "";
      this.spellingTargets.set(initial, [...(this.spellingTargets.get(initial) ?? []), target]);
    }
    this.allText = `${this.index}${this.rich.map((raw) => raw.source).join("\n")}\n`;
  }

  /** Patterns whose first element is this exact word or emoji. */
  startingWith(word: string): Pattern[] {
    let patterns = this.compiled.get(word);
    if (patterns) return patterns;
    const raws: RawTrigger[] = [];
    const { index } = this;
    for (const lead of [`\n${word}`, `\n~${word}`]) {
      for (let at = index.indexOf(lead); at >= 0; at = index.indexOf(lead, at + 1)) {
        const after = index[at + lead.length];
        if (after !== " " && after !== "\t") continue;
        raws.push(this.rawAt(at + 1));
      }
    }
    for (const raw of this.rich) if (raw.source === word || raw.source.startsWith(`${word} `)) raws.push(raw);
    patterns = buildPatterns(raws);
    this.compiled.set(word, patterns);
    return patterns;
  }

  /** The trigger whose line starts at `start` in the index. */
  private rawAt(start: number): RawTrigger {
    const tab = this.index.indexOf("\t", start);
    const end = this.index.indexOf("\n", tab);
    return rawOf(this.index.slice(start, tab), this.labelNames[Number(this.index.slice(tab + 1, end))] ?? "");
  }

  /** Patterns that start with a prefix ("stress*") or a number ("# minutes"). */
  openPatterns(): Pattern[] {
    if (!this.open) {
      const raws: RawTrigger[] = [];
      // Found with indexOf, not a regex over every line: this runs on the query path.
      const { index } = this;
      const starts = new Set<number>();
      for (let at = index.indexOf("*"); at >= 0; at = index.indexOf("*", at + 1)) {
        const lineStart = index.lastIndexOf("\n", at) + 1;
        if (!index.slice(lineStart, at).includes(" ")) starts.add(lineStart);
      }
      for (const lead of ["\n#", "\n~#"]) for (let at = index.indexOf(lead); at >= 0; at = index.indexOf(lead, at + 1)) starts.add(at + 1);
      for (const start of [...starts].sort((x, y) => x - y)) raws.push(this.rawAt(start));
      for (const raw of this.rich) if (/^(#|\S+\*)( |$)/.test(raw.source)) raws.push(raw);
      this.open = buildPatterns(raws);
    }
    return this.open;
  }

  openPatternsAt(token: Token): Pattern[] {
    return this.openPatterns().filter((pattern) => mayStartAt(pattern.elements[0], token));
  }

  /** True when some trigger contains this word (lowercase a-z), or a prefix trigger covers it. */
  knows(word: string): boolean {
    let answer = this.known.get(word);
    if (answer === undefined) {
      answer =
        /^[a-z0-9]+$/.test(word) &&
        (new RegExp(`[\\n ~]${word}[\\n\\t ]`).test(this.allText) ||
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

  /** Every word startingWith can return patterns for: each trigger's text up to its first space. */
  leadWords(): string[] {
    const leads = new Set<string>();
    const lead = (text: string): void => {
      const word = text.split(" ")[0] ?? "";
      if (word !== "") leads.add(word);
    };
    for (const line of this.index.split("\n")) lead(line.slice(line.startsWith("~") ? 1 : 0, line.indexOf("\t")));
    for (const raw of this.rich) lead(raw.source);
    return [...leads];
  }

  /** Every word knows() finds in the trigger text (prefix triggers aside): the runs its regex can match. */
  textWords(): string[] {
    return [...new Set(Array.from(this.allText.matchAll(/[\n ~]([a-z0-9]+)(?=[\n\t ])/g), (m) => m[1] ?? ""))];
  }

  /** The spelling targets in taxonomy order. */
  spellingTargetList(): string[] {
    return [...this.spellingTargets.values()].flat();
  }
}
