import type { SimulateSummary } from "../../simulate/run-simulate.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { timestamp } from "./timestamp.js";

const DECISIONS = ["ml_validated", "llm_fallback", "ml_only", "default_fallback"] as const;
const n = (x: number) => x.toLocaleString("en-US");
const pct = (part: number, whole: number) => (whole === 0 ? "0%" : `${Math.round((100 * part) / whole)}%`);
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Counts per day, decision mix, LLM failures and feedback, then what to look at next. */
export function renderSimulateSummary(s: SimulateSummary, ctx: CliContext): string {
  const p = paint(ctx.color);
  const lines = [
    `${p.bold("Simulated")} ${n(s.days)} day${s.days === 1 ? "" : "s"} × ${n(s.per_day)} queries (${timestamp(s.from)} .. ${timestamp(s.to)}), seed ${s.seed}, in ${(s.elapsed_ms / 1000).toFixed(1)} s`,
    ...(s.interrupted_earlier ? [p.yellow(`Note: ${s.interrupted_earlier}.`)] : []),
    "",
    p.dim(
      `${"day from".padEnd(22)}${"queries".padStart(8)}${"validated".padStart(11)}${"llm_fb".padStart(8)}${"ml_only".padStart(9)}${"default".padStart(9)}${"errors".padStart(8)}${"llm_fail".padStart(10)}${"feedback".padStart(10)}  +/=/-`,
    ),
  ];
  for (const d of s.per_day_counts) {
    const f = d.feedback;
    const row = `${timestamp(d.start).padEnd(22)}${n(d.queries).padStart(8)}${DECISIONS.map((k, i) => n(d.decisions[k] ?? 0).padStart(i === 0 ? 11 : i === 1 ? 8 : 9)).join("")}${n(d.errors).padStart(8)}${n(sum(d.llm_failures)).padStart(10)}${n(f.total).padStart(10)}  ${f.positive}/${f.neutral}/${f.negative}`;
    lines.push(d.era === "drifted" ? `${row} ${p.yellow("drifted")}` : row);
  }
  lines.push("");
  lines.push(
    `${p.bold("Decisions")}  ${DECISIONS.map((k) => `${k} ${pct(s.decisions[k] ?? 0, s.queries)}`).join(" · ")}${s.errors ? ` · ${p.red(`errors ${n(s.errors)}`)}` : ""}`,
  );
  const failures = Object.entries(s.llm_failures).sort((a, b) => b[1] - a[1]);
  lines.push(
    `${p.bold("LLM failures")}  ${n(sum(s.llm_failures))} of ${n(s.queries)} calls${failures.length ? ` (${failures.map(([r, c]) => `${r} ${n(c)}`).join(", ")})` : ""}`,
  );
  const f = s.feedback;
  lines.push(
    `${p.bold("Feedback")}  ${n(f.total)} (explicit ${n(f.explicit)}, implicit ${n(f.implicit)}) · positive ${pct(f.positive, f.total)} · neutral ${pct(f.neutral, f.total)} · negative ${pct(f.negative, f.total)}`,
  );
  if (s.drift_day !== null) {
    const first = timestamp(s.per_day_counts[s.drift_day - 1]?.start);
    lines.push(`${p.bold("Drift")}  from day ${s.drift_day} (${first}) the mix shifts to summer and new moods`);
  }
  lines.push("", p.dim("Next: moodfood trace list · moodfood drift check · moodfood metrics show"));
  return `${lines.join("\n")}\n`;
}
