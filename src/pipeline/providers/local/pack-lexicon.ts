// Builds the lexicon pack of a taxonomy (scripts/precompile-lexicon.mjs, tests): build time only.
import { createHash } from "node:crypto";
import { parseTaxonomy } from "../../taxonomy.js";
import { CompiledLexicon } from "./compiled-lexicon.js";
import type { Pattern } from "./lexicon.js";
import {
  encodeElements,
  FIELD,
  LEXICON_PACK_FORMAT,
  type LexiconPack,
  LINE,
  parsePack,
  STRONG,
  serializePack,
  WEAK,
} from "./lexicon-pack.js";
import { PackedLexicon } from "./packed-lexicon.js";

function indexOfLabel(labels: readonly string[], label: string): number {
  const index = labels.indexOf(label);
  if (index < 0) throw new Error(`lexicon pack: unknown label ${label}`);
  return index;
}

function encodePattern(p: Pattern, labels: readonly string[], elements: Record<string, string>): string {
  const written = encodeElements(p.elements);
  if (written !== p.source) elements[p.source] = written;
  const weights = p.labels.map(({ label, weight }) => {
    const index = indexOfLabel(labels, label);
    return weight === STRONG ? `${index}` : weight === WEAK ? `${index}~` : `${index}:${weight}`;
  });
  const negates = p.negates.map((label) => indexOfLabel(labels, label));
  return [p.source, weights.join(","), ...(negates.length > 0 ? [negates.join(",")] : [])].join(FIELD);
}

/** The pack of a taxonomy file's text: what CompiledLexicon builds for every lead word, computed once at build time. */
export function packLexicon(taxonomyText: string): LexiconPack {
  const taxonomy = parseTaxonomy(taxonomyText);
  const compiled = new CompiledLexicon(taxonomy);
  const labels = taxonomy.labels.map((spec) => spec.name);
  const elements: Record<string, string> = {};
  // Groups sorted by lead word (PackedLexicon finds them by binary search), lines in pattern order within a group.
  const groups: [string, string[]][] = compiled
    .leadWords()
    .map((word) => [word, compiled.startingWith(word).map((p) => encodePattern(p, labels, elements))]);
  groups.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const ascii: string[] = [];
  const unicode: string[] = [];
  for (const [, lines] of groups) (lines.some((line) => /[^\x00-\x7f]/.test(line)) ? unicode : ascii).push(...lines);
  const open = compiled.openPatterns();
  const weightsOf = (key: "implies" | "when_negated"): Record<string, Record<string, number>> =>
    Object.fromEntries(
      taxonomy.labels.filter((spec) => Object.keys(spec[key] ?? {}).length > 0).map((spec) => [spec.name, spec[key] ?? {}]),
    );
  const pack: LexiconPack = {
    format: LEXICON_PACK_FORMAT,
    taxonomy_sha256: createHash("sha256").update(taxonomyText).digest("hex"),
    labels,
    categories: taxonomy.labels.map((spec) => spec.category),
    implies: weightsOf("implies"),
    when_negated: weightsOf("when_negated"),
    spelling_targets: compiled.spellingTargetList(),
    leads: `${LINE}${ascii.map((line) => `${line}${LINE}`).join("")}`,
    unicode_leads: `${LINE}${unicode.map((line) => `${line}${LINE}`).join("")}`,
    open: open.map((p) => encodePattern(p, labels, elements)).join(LINE),
    open_leads: open.map((p) => encodeElements(p.elements.slice(0, 1))),
    open_prefixes: open.flatMap((p) => p.elements.flatMap((e) => (e.kind === "prefix" ? [e.text] : []))),
    elements,
  };
  checkPack(pack, compiled);
  return pack;
}

/** Throws unless the pack answers exactly as the compiled lexicon, for every word either of them knows. */
function checkPack(pack: LexiconPack, compiled: CompiledLexicon): void {
  const packed = new PackedLexicon(parsePack(serializePack(pack)) ?? pack);
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const fail = (what: string): never => {
    throw new Error(`lexicon pack: ${what} differs from the compiled lexicon (a trigger with "|" or ";"?)`);
  };
  for (const word of compiled.leadWords()) if (!same(packed.startingWith(word), compiled.startingWith(word))) fail(`startingWith(${word})`);
  if (!same(packed.openPatterns(), compiled.openPatterns())) fail("openPatterns()");
  const runs = `${pack.leads}${pack.unicode_leads}${pack.open}`.match(/[a-z0-9]+/g) ?? [];
  for (const word of new Set([...runs, ...compiled.textWords()])) if (packed.knows(word) !== compiled.knows(word)) fail(`knows(${word})`);
}
