// The executive summary as plain sentences (no markup): the Markdown and HTML renderers escape and wrap them.
import type { WeeklyReport } from "../weekly-report.js";
import { change, count, int, percent, quantile } from "./format.js";

/** One sentence per area, each true of the numbers it states; areas with nothing recorded say so once. */
export function summaryLines(r: WeeklyReport): string[] {
  const q = r.queries;
  const lines: string[] = [];
  if (r.empty) {
    const span = r.stored_traces;
    lines.push(
      span.first === null
        ? "No queries started in this week, and the store holds no traces at all."
        : `No queries started in this week. The store's traces start between ${span.first.slice(0, 10)} and ${span.last?.slice(0, 10)}.`,
    );
  } else {
    const unfinished = q.unfinished.active + q.unfinished.abandoned;
    lines.push(
      `${int(q.total)} queries (${change(q.change.total)} on the week before)${unfinished ? `, ${int(unfinished)} of them unfinished` : ""}; ${percent(q.error_rate)} failed; ${percent(q.fallback_share)} of answers were fallbacks.`,
    );
    const t = r.latency.total;
    lines.push(
      `Latency p50 ${quantile(t.p50_ms, t.beyond_last_bucket)}, p95 ${quantile(t.p95_ms, t.beyond_last_bucket)} (${change(r.latency.change.p95_ms)}), p99 ${quantile(t.p99_ms, t.beyond_last_bucket)}.`,
    );
    lines.push(
      `LLM: ${int(r.llm.calls)} calls, ${int(r.llm.failed)} failed (${percent(r.llm.failure_rate)}), ${int(r.llm.circuit_refused)} refused by an open circuit.`,
    );
  }
  const f = r.feedback;
  if (f.total > 0) {
    lines.push(
      `Feedback: ${int(f.total)} (${percent(f.positive_ratio)} positive, ${percent(f.negative_ratio)} negative)${f.average_rating === null ? "" : `, average rating ${f.average_rating.toFixed(2)}/5 from ${count(f.rated, "rating")}`}.`,
    );
  } else if (!r.empty) lines.push("Feedback: none this week.");
  const d = r.drift;
  if (d.checks > 0 || d.alerts.list.length > 0) {
    lines.push(
      `Drift: ${count(d.checks, "check")}, ${int(d.alerts.raised)} alerts raised, ${int(d.alerts.resolved)} resolved, ${int(d.alerts.unresolved_at_end)} unresolved at the end of the week.`,
    );
  } else if (!r.empty) lines.push("Drift: no check ran and no alert was open this week.");
  if (r.retraining.runs > 0) lines.push(`Retraining: ${count(r.retraining.runs, "run")}, ${int(r.retraining.promoted)} promoted.`);
  const h = r.health;
  if (h.checks > 0) {
    lines.push(
      `Health: ${count(h.checks, "recorded check")}, score ${h.min}–${h.max} (mean ${h.mean}); last ${h.last?.status} at ${h.last?.score}.`,
    );
  } else if (!r.empty) lines.push("Health: no check was recorded this week.");
  if (r.previous_week.partial && !r.empty) {
    lines.push(
      `The stored traces begin on ${r.stored_traces.first?.slice(0, 10)}, inside the week before: its changes compare with part of a week.`,
    );
  }
  return lines;
}
