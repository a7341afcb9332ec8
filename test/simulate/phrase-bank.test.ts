import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planDay } from "../../src/simulate/day-plan.js";
import { createRng } from "../../src/simulate/prng.js";
import { ALL_SITUATIONS, BASE_SITUATIONS } from "../../src/simulate/query-mix.js";
import { sharedFile } from "../support/shared.js";

const normalise = (q: string) =>
  q
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, "")
    .replace(/\s+/g, " ")
    .trim();
const words = (q: string) => new Set(normalise(q).split(" ").filter(Boolean));
const jaccard = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;

const readQueries = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q);

const trainingDir = new URL("../../fixtures/training/", import.meta.url);
const training = readdirSync(trainingDir)
  .filter((f) => f.endsWith(".jsonl"))
  .flatMap((f) => readQueries(new URL(f, trainingDir).pathname));
// The repo's held-out sets, plus the shared sample when ../shared sits beside the checkout.
const heldOutDir = new URL("../fixtures/eval/", import.meta.url);
const heldOut = ["heldout-plain.jsonl", "heldout-hard.jsonl"].flatMap((f) => readQueries(new URL(f, heldOutDir).pathname));
const sharedPath = sharedFile("eval/sample_queries.jsonl", "the phrase-bank comparison with the shared sample queries");
const evalQueries = [...heldOut, ...(sharedPath ? readQueries(sharedPath) : [])];

const generated = [1, 2, 3].flatMap((day) =>
  planDay({ day, start: 0, count: 2_000, era: day === 3 ? "drifted" : "stationary" }, createRng(`bank-${day}`)).map((q) => q.text),
);

describe("phrase bank", () => {
  it("covers 40+ situations with several phrasings each", () => {
    expect(BASE_SITUATIONS.length).toBeGreaterThanOrEqual(40);
    const phrasings = ALL_SITUATIONS.reduce((n, s) => n + s.phrasings.length, 0);
    expect(phrasings).toBeGreaterThan(150);
    for (const s of ALL_SITUATIONS) expect(s.phrasings.length, s.id).toBeGreaterThanOrEqual(2);
  });

  it("produces varied text: most of 6,000 queries are distinct, with typos, emoji and shorthand", () => {
    expect(new Set(generated).size).toBeGreaterThan(4_000);
    expect(generated.some((q) => /\p{Extended_Pictographic}/u.test(q))).toBe(true);
    expect(generated.some((q) => /\bpls\b|\bsmth\b/.test(q))).toBe(true);
    expect(generated.every((q) => q.trim().length > 0)).toBe(true);
  });

  it("never reproduces a training query", () => {
    const trainingSet = new Set(training.map(normalise));
    expect(training.length).toBeGreaterThan(1_000);
    expect(generated.filter((q) => trainingSet.has(normalise(q)))).toEqual([]);
  });

  it("has no phrasing that is a near-copy of a training or evaluation query", () => {
    const known = [...training, ...evalQueries].map(words);
    const filled = ALL_SITUATIONS.flatMap((s) => s.phrasings).map((p) =>
      p.replace("{meal}", "dinner").replace("{when}", "tonight").replace("{who}", "my partner"),
    );
    expect(filled.filter((p) => known.some((k) => jaccard(words(p), k) >= 0.6))).toEqual([]);
  });

  it("never reproduces or closely paraphrases an evaluation query", () => {
    expect(heldOut.length).toBeGreaterThan(200);
    const evalWords = evalQueries.map(words);
    const close = [...new Set(generated)].filter((q) => {
      const w = words(q);
      return evalWords.some((e) => jaccard(w, e) >= 0.6);
    });
    expect(close).toEqual([]);
  });
});
