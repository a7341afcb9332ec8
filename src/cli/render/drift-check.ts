import type { DriftCheckResult } from "../../drift/check/run-drift-check.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";

export function renderDriftCheck(result: DriftCheckResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const tone = (severity: string) =>
    severity === "critical" || severity === "high" ? p.red : severity === "medium" ? p.yellow : severity === "low" ? p.cyan : p.green;
  const verdict =
    result.status === "insufficient_data" ? p.yellow("INSUFFICIENT DATA") : tone(result.severity)(result.severity.toUpperCase());
  const lines = [
    `${p.bold("Drift")} ${verdict}  model ${result.model_version}`,
    p.dim(`window   ${result.window.start} .. ${result.window.end} (${result.window.n} traces)`),
    p.dim(
      `baseline ${result.baseline.kind}${result.baseline.start ? ` ${result.baseline.start} .. ${result.baseline.end}` : ""} (${result.baseline.n})`,
    ),
    "",
  ];
  for (const s of result.signals) {
    const score = s.score === null ? "     -" : s.score.toFixed(3).padStart(6);
    const p_ = s.test ? `p=${s.test.pvalue < 1e-6 ? "<1e-6" : s.test.pvalue.toPrecision(2)}` : "";
    lines.push(`${s.type.padEnd(11)} ${tone(s.severity)(s.severity.padEnd(8))} PSI ${score}  ${p.dim(p_)}`);
    if (s.severity !== "none" || s.status !== "ok") lines.push(`            ${s.explanation}`);
  }
  const { opened, updated, resolved } = result.alerts;
  if (opened.length + updated.length + resolved.length > 0) {
    lines.push("", `alerts: ${opened.length} opened, ${updated.length} still open, ${resolved.length} resolved`);
  }
  lines.push("", result.explanation);
  return `${lines.join("\n")}\n`;
}
