// Scores a pipeline against evaluation cases: label recall, forbidden labels, diet violations, decision mix.
import type { EvalCase } from "./read-eval-file.js";

export interface EvalAnswer {
  labels: string[];
  final_decision: string;
  recommendations: { name: string; diet: readonly string[] }[];
}

export type AnswerFn = (q: string) => Promise<EvalAnswer>;

export interface LabelCounts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  cases: number;
  /** Expected labels found / expected labels, over all cases. */
  recall: number;
  expected_labels: number;
  found_labels: number;
  /** Cases whose every expected label was returned. */
  complete_cases: number;
  recall_by_label: Record<string, { expected: number; found: number; recall: number }>;
  forbidden_hits: { q: string; line: number; labels: string[] }[];
  diet_violations: { q: string; line: number; diet: string[]; dishes: string[] }[];
  /** Precision counts every returned label not in `expect` as a false positive: expectations are not exhaustive. */
  per_label: Record<string, LabelCounts>;
  mean_labels: number;
  decision_mix: Record<string, number>;
  misses: { q: string; line: number; missing: string[]; labels: string[] }[];
  errors: { q: string; line: number; error: string }[];
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : round(a / b));

export async function evaluate(cases: readonly EvalCase[], answer: AnswerFn): Promise<EvalReport> {
  const report: EvalReport = {
    cases: cases.length,
    recall: 0,
    expected_labels: 0,
    found_labels: 0,
    complete_cases: 0,
    recall_by_label: {},
    forbidden_hits: [],
    diet_violations: [],
    per_label: {},
    mean_labels: 0,
    decision_mix: {},
    misses: [],
    errors: [],
  };
  const counts = (label: string): LabelCounts => {
    report.per_label[label] ??= { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0 };
    return report.per_label[label];
  };
  let labelTotal = 0;
  let answered = 0;
  for (const c of cases) {
    let result: EvalAnswer;
    try {
      result = await answer(c.q);
    } catch (error) {
      report.errors.push({ q: c.q, line: c.line, error: error instanceof Error ? error.message : String(error) });
      report.expected_labels += c.expect.length;
      for (const label of c.expect) counts(label).fn++;
      continue;
    }
    answered++;
    const returned = new Set(result.labels);
    labelTotal += returned.size;
    report.decision_mix[result.final_decision] = (report.decision_mix[result.final_decision] ?? 0) + 1;
    const missing = c.expect.filter((label) => !returned.has(label));
    report.expected_labels += c.expect.length;
    report.found_labels += c.expect.length - missing.length;
    if (missing.length === 0) report.complete_cases++;
    else report.misses.push({ q: c.q, line: c.line, missing, labels: result.labels });
    for (const label of c.expect) {
      report.recall_by_label[label] ??= { expected: 0, found: 0, recall: 0 };
      const entry = report.recall_by_label[label];
      entry.expected++;
      if (returned.has(label)) entry.found++;
    }
    const expected = new Set(c.expect);
    for (const label of returned) expected.has(label) ? counts(label).tp++ : counts(label).fp++;
    for (const label of missing) counts(label).fn++;
    const forbidden = c.forbid.filter((label) => returned.has(label));
    if (forbidden.length > 0) report.forbidden_hits.push({ q: c.q, line: c.line, labels: forbidden });
    if (c.diet.length > 0) {
      const dishes = result.recommendations.filter((dish) => c.diet.some((flag) => !dish.diet.includes(flag))).map((dish) => dish.name);
      if (dishes.length > 0) report.diet_violations.push({ q: c.q, line: c.line, diet: c.diet, dishes });
    }
  }
  report.recall = ratio(report.found_labels, report.expected_labels);
  report.mean_labels = ratio(labelTotal, answered);
  for (const entry of Object.values(report.recall_by_label)) entry.recall = ratio(entry.found, entry.expected);
  for (const entry of Object.values(report.per_label)) {
    entry.precision = ratio(entry.tp, entry.tp + entry.fp);
    entry.recall = ratio(entry.tp, entry.tp + entry.fn);
  }
  return report;
}
