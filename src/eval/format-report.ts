// Plain-text summary of an evaluation report (the CLI adds colour if it wants).
import type { EvalReport } from "./evaluate.js";

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatEvalReport(report: EvalReport): string[] {
  const lines = [
    `cases: ${report.cases}   label recall: ${pct(report.recall)} (${report.found_labels}/${report.expected_labels})   complete: ${report.complete_cases}/${report.cases}`,
    `mean labels per answer: ${report.mean_labels.toFixed(2)}   decisions: ${
      Object.entries(report.decision_mix)
        .map(([d, n]) => `${d} ${n}`)
        .join(", ") || "none"
    }`,
    `forbidden labels returned: ${report.forbidden_hits.length}   diet violations: ${report.diet_violations.length}   errors: ${report.errors.length}`,
  ];
  const weakest = Object.entries(report.recall_by_label)
    .filter(([, e]) => e.recall < 1)
    .sort(([, a], [, b]) => a.recall - b.recall);
  if (weakest.length > 0) lines.push(`labels missed: ${weakest.map(([label, e]) => `${label} ${e.found}/${e.expected}`).join(", ")}`);
  for (const hit of report.forbidden_hits) lines.push(`forbidden  line ${hit.line}: ${hit.labels.join(", ")} in "${hit.q}"`);
  for (const v of report.diet_violations)
    lines.push(`diet       line ${v.line}: ${v.dishes.join(", ")} break ${v.diet.join(", ")} for "${v.q}"`);
  for (const miss of report.misses)
    lines.push(`missed     line ${miss.line}: ${miss.missing.join(", ")} for "${miss.q}" (got ${miss.labels.join(", ") || "nothing"})`);
  for (const error of report.errors) lines.push(`error      line ${error.line}: ${error.error} for "${error.q}"`);
  return lines;
}
