// Evaluation hygiene (DESIGN §3): no evaluation query is (nearly) in the training data, and no trigger exists only
// for queries that training never sees.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isHeldout, loadTrainingExamples } from "../../src/pipeline/classifier/data.js";
import { DEFAULT_TRAIN_OPTIONS } from "../../src/pipeline/classifier/train.js";
import { sharedLexicon } from "../../src/pipeline/providers/local/lexicon.js";
import { analyseText } from "../../src/pipeline/providers/local/match.js";

const root = join(import.meta.dirname, "..", "..");
const queries = (file: string): string[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { q: string }).q);
const evalDir = join(root, "test", "fixtures", "eval");
const heldoutSets = ["heldout-plain.jsonl", "heldout-hard.jsonl"].map((name) => join(evalDir, name));
const allEvalSets = readdirSync(evalDir)
  .filter((name) => name.endsWith(".jsonl"))
  .map((name) => join(evalDir, name));
const sharedSample = join(root, "..", "shared", "eval", "sample_queries.jsonl");
const sharedQueries = existsSync(sharedSample) ? queries(sharedSample) : [];

const words = (q: string): Set<string> =>
  new Set(
    q
      .toLowerCase()
      .replace(/'/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .split(" "),
  );
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

const training = loadTrainingExamples().examples.map((example) => example.q);

describe("evaluation hygiene", () => {
  it("keeps every evaluation query out of the training data, paraphrases included", () => {
    const evaluation = [...allEvalSets.flatMap(queries), ...sharedQueries].map((q) => ({ q, words: words(q) }));
    const clashes: string[] = [];
    for (const q of training) {
      const mine = words(q);
      for (const other of evaluation) if (overlap(mine, other.words) >= 0.7) clashes.push(`${q}  ~  ${other.q}`);
    }
    expect(clashes).toEqual([]);
  });

  it("has no trigger that fires on held-out or evaluation queries but on no training query", () => {
    const lexicon = sharedLexicon();
    const fired = (texts: readonly string[]): Set<string> => {
      const sources = new Set<string>();
      for (const text of texts) for (const match of analyseText(text, lexicon).matches) sources.add(match.pattern.source);
      return sources;
    };
    const trainSplit = fired(training.filter((q) => !isHeldout(q, DEFAULT_TRAIN_OPTIONS.heldoutFraction)));
    const unseen = fired([
      ...training.filter((q) => isHeldout(q, DEFAULT_TRAIN_OPTIONS.heldoutFraction)),
      ...heldoutSets.flatMap(queries),
      ...sharedQueries,
    ]);
    expect([...unseen].filter((source) => !trainSplit.has(source))).toEqual([]);
  });
});
