import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { evaluate } from "../../src/eval/evaluate.js";
import { readEvalFile } from "../../src/eval/read-eval-file.js";
import { openRuntime } from "../../src/runtime/runtime.js";
import { openStore } from "../../src/store/store.js";

// Label quality a user notices, on the shared sample and on held-out sets written without seeing
// the training data (test/fixtures/eval/README.md). Floors sit below today's scores, so a
// regression fails loudly; they are not targets to tune against.
const runtime = await openRuntime(loadConfig({ env: {} }), { traces: "none", store: openStore(":memory:"), env: {} });
const score = (path: string) => evaluate(readEvalFile(new URL(path, import.meta.url).pathname), (text) => runtime.query({ text }));

describe("understanding quality on evaluation sets", () => {
  it("gets every expected label of the shared sample, with no forbidden label or diet violation", async () => {
    const report = await score("../../../shared/eval/sample_queries.jsonl");
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.forbidden_hits).toEqual([]);
    expect(report.diet_violations).toEqual([]);
    expect(report.mean_labels).toBeLessThanOrEqual(4);
  });

  it("holds recall on plain held-out phrasing", async () => {
    const report = await score("../fixtures/eval/heldout-plain.jsonl");
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.forbidden_hits).toEqual([]);
    expect(report.diet_violations).toEqual([]);
  });

  it("holds recall on hard held-out phrasing (idioms, slang, implicit moods)", async () => {
    const report = await score("../fixtures/eval/heldout-hard.jsonl");
    expect(report.recall).toBeGreaterThanOrEqual(0.85);
    expect(report.diet_violations).toEqual([]);
    expect(report.forbidden_hits.length).toBeLessThanOrEqual(6);
  });
});
