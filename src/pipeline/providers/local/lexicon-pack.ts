// The shipped lexicon precompiled (fixtures/lexicon.pack, written by scripts/precompile-lexicon.mjs): every
// pattern as one line of text, grouped by lead word, so a query decodes only the lines of the words it has.
import type { LabelWeight, Pattern, PatternElement } from "./lexicon.js";

export const LEXICON_PACK_FORMAT = "moodfood-lexicon/1";

export interface LexiconPack {
  format: typeof LEXICON_PACK_FORMAT;
  /** sha256 of the taxonomy file it was compiled from (test/understanding/lexicon-pack.test.ts fails when stale). */
  taxonomy_sha256: string;
  labels: string[];
  categories: string[];
  implies: Record<string, Record<string, number>>;
  when_negated: Record<string, Record<string, number>>;
  spelling_targets: string[];
  /**
   * "|line|line|": the patterns of each lead word (CompiledLexicon.startingWith), grouped by lead word, groups in
   * sorted order; lead words whose lines are ASCII only.
   */
  leads: string;
  /** The same for lead words whose patterns have other characters (emoji): kept apart so `leads` stays one-byte. */
  unicode_leads: string;
  /** The prefix and number patterns ("stress*", "# minutes"), in CompiledLexicon.openPatterns order. */
  open: string;
  /** The first element of each open pattern, encoded ("stress*", "#"; "" for none): most never apply to a query. */
  open_leads: string[];
  /** The prefixes of the open patterns' prefix elements (Lexicon.knows). */
  open_prefixes: string[];
  /** Elements of the few patterns that do not read as their source split at spaces ("feel-good"), by source. */
  elements: Record<string, string>;
}

// A line is "source;labels" or "source;labels;negated": labels as taxonomy indexes, "3" at the strong
// weight, "3~" at the weak one, "3:0.81" otherwise. Sources never hold "|" or ";" (packing checks).
export const LINE = "|";
export const FIELD = ";";
export const STRONG = 0.9;
export const WEAK = 0.4;

export const encodeElements = (elements: PatternElement[]): string =>
  elements.map((e) => (e.kind === "gap" ? "..." : e.kind === "number" ? "#" : e.kind === "prefix" ? `${e.text}*` : e.text)).join(" ");

export function decodeElements(text: string): PatternElement[] {
  const elements: PatternElement[] = [];
  if (text === "") return elements;
  // Loops rather than map callbacks here and below: each callback is one more function a fresh process compiles.
  for (const part of text.split(" ")) {
    if (part === "...") elements.push({ kind: "gap" });
    else if (part === "#") elements.push({ kind: "number" });
    else if (part.endsWith("*")) elements.push({ kind: "prefix", text: part.slice(0, -1) });
    else elements.push({ kind: "word", text: part });
  }
  return elements;
}

function decodeWeight(entry: string, labels: readonly string[]): LabelWeight {
  if (entry.endsWith("~")) return { label: labels[Number(entry.slice(0, -1))] ?? "", weight: WEAK };
  const colon = entry.indexOf(":");
  if (colon < 0) return { label: labels[Number(entry)] ?? "", weight: STRONG };
  return { label: labels[Number(entry.slice(0, colon))] ?? "", weight: Number(entry.slice(colon + 1)) };
}

export function decodePattern(line: string, pack: Pick<LexiconPack, "labels" | "elements">): Pattern {
  const fields = line.split(FIELD);
  const source = fields[0] ?? "";
  const elements = decodeElements(Object.hasOwn(pack.elements, source) ? (pack.elements[source] ?? source) : source);
  let size = 0;
  for (const element of elements) if (element.kind !== "gap") size++;
  const labels: LabelWeight[] = [];
  for (const entry of (fields[1] ?? "").split(",")) labels.push(decodeWeight(entry, pack.labels));
  const negates: string[] = [];
  if (fields[2] !== undefined) for (const index of fields[2].split(",")) negates.push(pack.labels[Number(index)] ?? "");
  return { source, elements, size, labels, negates };
}

/** The pack file: one line of JSON (all but the leads, non-ASCII escaped), then the leads as they are (ASCII). */
export function serializePack(pack: LexiconPack): string {
  const { leads, ...header } = pack;
  if (/[^\x20-\x7e]/.test(leads)) throw new Error("lexicon pack: leads must be printable ASCII");
  const json = JSON.stringify(header).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `${json}\n${leads}\n`;
}

/** Reads a pack file: only the short header goes through JSON.parse; the leads stay a slice of the text. */
export function parsePack(text: string): LexiconPack | undefined {
  const cut = text.indexOf("\n");
  const pack = JSON.parse(text.slice(0, cut)) as LexiconPack;
  if (pack.format !== LEXICON_PACK_FORMAT) return undefined;
  pack.leads = text.slice(cut + 1, text.length - 1);
  return pack;
}
