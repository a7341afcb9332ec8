import { formatP } from "../../drift/check/explain-finding.js";
import type { DriftCheckResult } from "../../drift/check/run-drift-check.js";
import type { SignalResult } from "../../drift/check/signals.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { timestamp } from "./timestamp.js";

export function renderDriftCheck(result: DriftCheckResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const tone = (severity: string) =>
    severity === "critical" || severity === "high" ? p.red : severity === "medium" ? p.yellow : severity === "low" ? p.cyan : p.green;
  const verdict =
    result.status === "insufficient_data" ? p.yellow("INSUFFICIENT DATA") : tone(result.severity)(result.severity.toUpperCase());
  const lines = [
    `${p.bold("Drift")} ${verdict}  model ${result.model_version}`,
    p.dim(`window   ${timestamp(result.window.start)} .. ${timestamp(result.window.end)} (${result.window.n} traces)`),
    p.dim(
      `baseline ${result.baseline.kind}${result.baseline.start ? ` ${timestamp(result.baseline.start)} .. ${timestamp(result.baseline.end)}` : ""} (${result.baseline.n})`,
    ),
    "",
  ];
  for (const s of result.signals) {
    const score = s.score === null ? "     -" : s.score.toFixed(3).padStart(6);
    lines.push(`${s.type.padEnd(11)} ${tone(s.severity)(s.severity.padEnd(8))} PSI ${score}  ${p.dim(evidenceNote(s))}`);
    if (s.severity !== "none" || s.status !== "ok") lines.push(`            ${s.explanation}`);
  }
  const { opened, updated, resolved } = result.alerts;
  if (opened.length + updated.length + resolved.length > 0) {
    lines.push("", `alerts: ${opened.length} opened, ${updated.length} still open, ${resolved.length} resolved`);
  } else if (result.status === "ok" && result.alerts_reconciled === false) {
    lines.push("", p.dim("alerts: left as they are (a past window; alerts follow the present)"));
  }
  lines.push("", result.explanation);
  return `${lines.join("\n")}\n`;
}

/** The p-value beside a severity, with the word that keeps the two from reading as a contradiction. */
function evidenceNote(s: SignalResult): string {
  if (!s.test) return "";
  const p = formatP(s.test.pvalue);
  if (s.severity === "none" && s.significant) return `${p} (real, but too small to matter)`;
  if (s.severity === "low" && s.significant === false) return `${p} (not significant: possibly noise)`;
  return p;
}
