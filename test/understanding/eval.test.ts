import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EvalAnswer, evaluate } from "../../src/eval/evaluate.js";
import { formatEvalReport } from "../../src/eval/format-report.js";
import { EvalFileError, parseEvalCases, readEvalFile } from "../../src/eval/read-eval-file.js";

const fixture = [
  '{"q":"sad and cold","expect":["emotion_sad","weather_cold"]}',
  '{"q":"nothing sweet","expect":["goal_energy"],"forbid":["sensory_sweet"]}',
  "",
  '{"q":"vegan lunch","expect":["diet_vegan"],"diet":["vegan"]}',
].join("\n");

const answers: Record<string, EvalAnswer> = {
  "sad and cold": { labels: ["emotion_sad", "sensory_warming"], final_decision: "ml_validated", recommendations: [] },
  "nothing sweet": { labels: ["goal_energy", "sensory_sweet"], final_decision: "llm_fallback", recommendations: [] },
  "vegan lunch": {
    labels: ["diet_vegan", "meal_lunch"],
    final_decision: "ml_validated",
    recommendations: [
      { name: "Chana masala", diet: ["vegan", "vegetarian"] },
      { name: "Cheese toastie", diet: ["vegetarian"] },
    ],
  },
};

describe("evaluate", () => {
  it("scores recall, forbidden labels, diet violations and decisions", async () => {
    const report = await evaluate(parseEvalCases(fixture), async (q) => answers[q] as EvalAnswer);
    expect(report.cases).toBe(3);
    expect(report.expected_labels).toBe(4);
    expect(report.found_labels).toBe(3);
    expect(report.recall).toBe(0.75);
    expect(report.recall_by_label.weather_cold).toEqual({ expected: 1, found: 0, recall: 0 });
    expect(report.misses).toEqual([{ q: "sad and cold", line: 1, missing: ["weather_cold"], labels: ["emotion_sad", "sensory_warming"] }]);
    expect(report.forbidden_hits).toEqual([{ q: "nothing sweet", line: 2, labels: ["sensory_sweet"] }]);
    expect(report.diet_violations).toEqual([{ q: "vegan lunch", line: 4, diet: ["vegan"], dishes: ["Cheese toastie"] }]);
    expect(report.mean_labels).toBe(2);
    expect(report.decision_mix).toEqual({ ml_validated: 2, llm_fallback: 1 });
    expect(report.per_label.sensory_sweet).toMatchObject({ tp: 0, fp: 1, precision: 0 });
    expect(report.per_label.emotion_sad).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(formatEvalReport(report).join("\n")).toContain("label recall: 75.0%");
  });

  it("counts a failing answer as a miss and reports the error", async () => {
    const report = await evaluate(parseEvalCases('{"q":"boom","expect":["emotion_sad"]}'), async () => {
      throw new Error("pipeline down");
    });
    expect(report.recall).toBe(0);
    expect(report.errors).toEqual([{ q: "boom", line: 1, error: "pipeline down" }]);
  });
});

describe("readEvalFile", () => {
  it("reads a file and names the line of a malformed entry", () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-eval-"));
    const good = join(dir, "good.jsonl");
    writeFileSync(good, fixture);
    expect(readEvalFile(good).map((c) => c.q)).toEqual(["sad and cold", "nothing sweet", "vegan lunch"]);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, `${fixture}\n{"q": "oops", "expect": "emotion_sad"}\n`);
    expect(() => readEvalFile(bad)).toThrow(/bad\.jsonl:5: "expect" must be an array/);
  });

  it.each([
    ["{not json", /:1: not valid JSON/],
    ['{"expect":[]}', /:1: "q" must be a non-empty string/],
    ['{"q":"x"}', /:1: "expect" is required/],
    ['{"q":"x","expect":[],"diet":["keto"]}', /:1: unknown diet "keto"/],
    ["[1,2]", /:1: expected a JSON object/],
  ])("rejects %s", (line, message) => {
    expect(() => parseEvalCases(line, "cases.jsonl")).toThrow(message);
    expect(() => parseEvalCases(line)).toThrow(EvalFileError);
  });

  it("says when the file is missing", () => {
    expect(() => readEvalFile("/nonexistent/eval.jsonl")).toThrow(/file not found/);
  });
});
