import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/config/package-path.js";
import { CompiledLexicon } from "../../src/pipeline/providers/local/compiled-lexicon.js";
import type { Lexicon } from "../../src/pipeline/providers/local/lexicon.js";
import { parsePack, serializePack } from "../../src/pipeline/providers/local/lexicon-pack.js";
import { lexiconTokens } from "../../src/pipeline/providers/local/match.js";
import { packLexicon } from "../../src/pipeline/providers/local/pack-lexicon.js";
import { PackedLexicon } from "../../src/pipeline/providers/local/packed-lexicon.js";
import { labelEvidence } from "../../src/pipeline/providers/local/semantic-parse.js";
import { LEXICON_PACK_FILE, loadShippedLexicon } from "../../src/pipeline/providers/local/shipped-lexicon.js";
import { parseTaxonomy } from "../../src/pipeline/taxonomy.js";
import { tokenize } from "../../src/pipeline/text/tokenize.js";

const taxonomyText = readFileSync(packagePath("fixtures", "taxonomy.json"), "utf8");
const packText = readFileSync(packagePath("fixtures", LEXICON_PACK_FILE), "utf8");
const packed = new PackedLexicon(parsePack(packText) ?? packLexicon(taxonomyText));
const compiled = new CompiledLexicon(parseTaxonomy(taxonomyText));
const queries = ["plain", "hard"].flatMap((name) =>
  readFileSync(packagePath("fixtures", "training", `${name}.jsonl`), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { q: string }).q),
);

describe("the precompiled lexicon (fixtures/lexicon.pack)", () => {
  it("is up to date with fixtures/taxonomy.json (else run: node scripts/precompile-lexicon.mjs)", () => {
    expect(packText === serializePack(packLexicon(taxonomyText))).toBe(true);
  });

  it("is what queries read", () => {
    expect(loadShippedLexicon()).toBeInstanceOf(PackedLexicon);
  });

  it("finds the same patterns, words and spellings as the taxonomy compiled directly", () => {
    const tokens = new Map(queries.flatMap((q) => [...tokenize(q), ...lexiconTokens(q, compiled)]).map((t) => [`${t.kind}:${t.norm}`, t]));
    expect(tokens.size).toBeGreaterThan(2_000);
    for (const token of tokens.values()) {
      expect(packed.startingWith(token.norm)).toEqual(compiled.startingWith(token.norm));
      expect(packed.openPatternsAt(token)).toEqual(compiled.openPatternsAt(token));
      expect(packed.knows(token.norm)).toBe(compiled.knows(token.norm));
      expect(packed.spellingCandidates(token.norm)).toEqual(compiled.spellingCandidates(token.norm));
    }
    expect(packed.openPatterns()).toEqual(compiled.openPatterns());
    for (const key of ["categories", "implies", "whenNegated"] as const) expect([...packed[key]]).toEqual([...compiled[key]]);
  });

  it("gives every training query the same reading", () => {
    const reading = (lexicon: Lexicon) => queries.map((q) => labelEvidence(q, lexicon));
    expect(reading(packed)).toEqual(reading(compiled));
  });

  it("is compiled from taxonomy.json when missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-lexicon-"));
    try {
      writeFileSync(join(dir, "taxonomy.json"), taxonomyText);
      const lexicon = loadShippedLexicon(dir);
      expect(lexicon).toBeInstanceOf(CompiledLexicon);
      expect(lexicon.startingWith("freezing")).toEqual(packed.startingWith("freezing"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a trigger its line format cannot hold", () => {
    const taxonomy = JSON.parse(taxonomyText) as { labels: { triggers: string[] }[] };
    taxonomy.labels[0]?.triggers.push("sad | happy");
    expect(() => packLexicon(JSON.stringify(taxonomy))).toThrow(/lexicon pack/);
  });
});
