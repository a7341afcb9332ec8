import type { WeeklyReport } from "../weekly-report.js";
import { escapeMarkdown as md } from "./escape.js";
import { breakdown, change, count, dayName, int, ms, percent, quantile, when } from "./format.js";
import { sectionsToShow } from "./section-order.js";
import { summaryLines } from "./summary-lines.js";
import { bar, sparkline } from "./text-charts.js";

const table = (head: string[], align: string[], rows: string[][]) =>
  [`| ${head.join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

function queries(r: WeeklyReport): string {
  const q = r.queries;
  const max = Math.max(...q.per_day.map((d) => d.completed));
  const days = table(
    ["Day", "Completed", "Errors", "Week before", ""],
    ["---", "---:", "---:", "---:", "---"],
    q.per_day.map((d, i) => [`${dayName(i)} ${d.date}`, int(d.completed), int(d.errors), int(d.previous_completed), bar(d.completed, max)]),
  );
  const decisions = table(
    ["Decision", "Queries", "Share", ""],
    ["---", "---:", "---:", "---"],
    q.decisions.map((d) => [md(d.decision), int(d.count), percent(d.share), bar(d.share, 1)]),
  );
  const labels = q.top_labels.length
    ? table(
        ["Label", "Queries", "Share of answered", "Week before"],
        ["---", "---:", "---:", "---:"],
        q.top_labels.map((l) => [md(l.label), int(l.count), percent(l.share), int(l.previous_count)]),
      )
    : "No answered query carried a label.";
  return [
    "## Query Analysis",
    `${int(q.total)} queries started this week (${change(q.change.total)}): ${int(q.ok)} answered, ${int(q.errors)} failed (error rate ${percent(q.error_rate)}, ${change(q.change.error_rate, "ratio")}), ${int(q.unfinished.active)} still active, ${int(q.unfinished.abandoned)} abandoned.`,
    `Completed per day \`${sparkline(q.per_day.map((d) => d.completed))}\``,
    days,
    `### Decision mix\nFallback answers (llm_fallback + default_fallback): ${percent(q.fallback_share)} (${change(q.change.fallback_share, "ratio")}).`,
    decisions,
    "### Top labels",
    labels,
    `Model versions: ${q.model_versions.map((v) => `${md(v.model_version)} ${int(v.count)}`).join(", ")}.`,
  ].join("\n\n");
}

function retraining(r: WeeklyReport): string {
  const t = r.retraining;
  if (t.runs === 0) return `## Retraining Activities\n\nNo retrain ran this week (${change(t.change.runs)}).`;
  const rows = t.list.map((run) => [
    when(run.started_at),
    md(run.trigger),
    md(run.status),
    md(run.candidate ?? "-"),
    run.promoted ? "yes" : "no",
    int(run.samples),
    md(run.reason),
  ]);
  return [
    "## Retraining Activities",
    `${count(t.runs, "run")} (${change(t.change.runs)}), ${int(t.promoted)} promoted; by status: ${md(breakdown(t.by_status))}.`,
    table(
      ["Started", "Trigger", "Status", "Candidate", "Promoted", "Samples", "Reason"],
      ["---", "---", "---", "---", "---", "---:", "---"],
      rows,
    ),
  ].join("\n\n");
}

function drift(r: WeeklyReport): string {
  const d = r.drift;
  const a = d.alerts;
  const lines = [
    "## Drift Alerts",
    `${count(d.checks, "drift check")} ran (${change(d.change.checks)})${d.checks ? `: ${md(breakdown(d.checks_by_severity))}; highest score ${d.max_score ?? "n/a"}` : ""}.`,
    `Alerts: ${int(a.raised)} raised (${change(d.change.raised)})${a.raised ? ` — ${md(breakdown(a.raised_by_severity))}` : ""}, ${int(a.acknowledged)} acknowledged, ${int(a.resolved)} resolved; ${int(a.unresolved_at_end)} unresolved when the week ended.`,
  ];
  if (a.list.length) {
    lines.push(
      table(
        ["Alert", "Type", "Severity", "Opened", "Score", "Status at week end"],
        ["---", "---", "---", "---", "---:", "---"],
        a.list.map((x) => [
          md(x.alert_id.slice(0, 8)),
          md(x.type),
          md(x.severity),
          when(x.opened_at),
          x.score === null ? "-" : String(x.score),
          x.status,
        ]),
      ),
    );
  }
  return lines.join("\n\n");
}

function feedback(r: WeeklyReport): string {
  const f = r.feedback;
  if (f.total === 0) return `## User Feedback Trends\n\nNo feedback this week (${change(f.change.total)}).`;
  const rows = f.per_day.map((d, i) => [
    `${dayName(i)} ${d.date}`,
    int(d.total),
    int(d.positive),
    int(d.neutral),
    int(d.negative),
    d.total
      ? `${"+".repeat(Math.round((d.positive / d.total) * 10))}${"·".repeat(Math.round((d.neutral / d.total) * 10))}${"−".repeat(Math.round((d.negative / d.total) * 10))}`
      : "",
  ]);
  const lines = [
    "## User Feedback Trends",
    `${int(f.total)} feedback (${change(f.change.total)}): ${int(f.explicit)} explicit, ${int(f.implicit)} implicit. Positive ${percent(f.positive_ratio)} (${change(f.change.positive_ratio, "ratio")}), neutral ${int(f.sentiment.neutral)}, negative ${percent(f.negative_ratio)}. ${f.average_rating === null ? "No ratings." : `Average rating ${f.average_rating.toFixed(2)}/5 from ${count(f.rated, "rating")} (${change(f.change.average_rating)}).`} ${int(f.corrections)} label corrections.`,
    `Per day \`${sparkline(f.per_day.map((d) => d.total))}\` (+ positive, · neutral, − negative, in tenths of the day)`,
    table(["Day", "Total", "Positive", "Neutral", "Negative", "Mix"], ["---", "---:", "---:", "---:", "---:", "---"], rows),
  ];
  if (Object.keys(f.signals).length) lines.push(`Implicit signals: ${md(breakdown(f.signals))}.`);
  if (f.negative_comments.length) {
    lines.push("### Negative comments (lowest rating first)");
    lines.push(
      f.negative_comments
        .map(
          (c) =>
            `- ${c.rating === null ? "no rating" : `${c.rating}/5`} · “${md(c.comment)}”${c.query === null ? "" : ` — on “${md(c.query)}”`}`,
        )
        .join("\n"),
    );
  }
  return lines.join("\n\n");
}

function health(r: WeeklyReport): string {
  const h = r.health;
  if (h.checks === 0)
    return "## System Health Status\n\nNo health check was recorded this week (moodfood health, or metrics serve's minute timer, record them).";
  return [
    "## System Health Status",
    `${count(h.checks, "recorded check")}: score ${h.min}–${h.max}, mean ${h.mean} (${change(h.change.mean)}); by status: ${md(breakdown(h.status_counts))}. Last: ${md(h.last?.status ?? "-")} (${h.last?.score}) at ${when(h.last?.at ?? "")}.`,
    `Lowest score per day \`${sparkline(h.per_day.map((d) => d.min))}\``,
    table(
      ["Day", "Checks", "Min", "Mean", "Max"],
      ["---", "---:", "---:", "---:", "---:"],
      h.per_day.map((d, i) => [
        `${dayName(i)} ${d.date}`,
        int(d.checks),
        String(d.min ?? "-"),
        String(d.mean ?? "-"),
        String(d.max ?? "-"),
      ]),
    ),
  ].join("\n\n");
}

function performance(r: WeeklyReport): string {
  const l = r.latency;
  const t = l.total;
  const stageRows = [{ stage: "total", ...t }, ...l.stages].map((s) => [
    md(s.stage),
    int(s.count),
    quantile(s.p50_ms, s.beyond_last_bucket),
    quantile(s.p95_ms, s.beyond_last_bucket),
    quantile(s.p99_ms, s.beyond_last_bucket),
    ms(s.mean_ms),
  ]);
  const dayRows = l.per_day.map((d, i) => [
    `${dayName(i)} ${d.date}`,
    int(d.count),
    quantile(d.p50_ms, d.beyond_last_bucket),
    quantile(d.p95_ms, d.beyond_last_bucket),
    quantile(d.p99_ms, d.beyond_last_bucket),
  ]);
  const llm = r.llm;
  return [
    "## Performance Metrics",
    `Percentiles are interpolated in the histogram's millisecond buckets (≈), as Prometheus' histogram_quantile does. Week before: p50 ${ms(l.change.p50_ms.previous)}, p95 ${ms(l.change.p95_ms.previous)}, p99 ${ms(l.change.p99_ms.previous)} (p50 ${change(l.change.p50_ms)}, p95 ${change(l.change.p95_ms)}, p99 ${change(l.change.p99_ms)}).`,
    table(["Stage", "Count", "p50", "p95", "p99", "Mean"], ["---", "---:", "---:", "---:", "---:", "---:"], stageRows),
    `p95 per day \`${sparkline(l.per_day.map((d) => d.p95_ms))}\``,
    table(["Day", "Queries", "p50", "p95", "p99"], ["---", "---:", "---:", "---:", "---:"], dayRows),
    "### LLM calls",
    `${int(llm.calls)} calls (${change(llm.change.calls)}), ${int(llm.failed)} failed (${percent(llm.failure_rate)}, ${change(llm.change.failure_rate, "ratio")})${llm.failed ? `: ${md(breakdown(llm.failures_by_reason))}` : ""}. The circuit breaker opened ${int(llm.circuit_openings)} ${llm.circuit_openings === 1 ? "time" : "times"} (${change(llm.change.circuit_openings)}); ${int(llm.circuit_refused)} calls refused while it was open (${change(llm.change.circuit_refused)}).`,
    Object.keys(llm.by_model).length
      ? table(
          ["Model", "Calls", "Failed"],
          ["---", "---:", "---:"],
          Object.entries(llm.by_model).map(([m, v]) => [md(m), int(v.calls), int(v.failed)]),
        )
      : "",
  ]
    .filter(Boolean)
    .join("\n\n");
}

function recommendations(r: WeeklyReport): string {
  if (r.recommendations.length === 0) return "## Recommendations\n\nNone: nothing in this week's numbers calls for one.";
  return `## Recommendations\n\n${r.recommendations.map((x) => `- **${md(x.rule)}**: ${md(x.message)}`).join("\n")}`;
}

/** The report as Markdown: text charts (sparklines, bars), every number from the report object. */
export function renderMarkdown(r: WeeklyReport): string {
  const head = [
    `# Weekly report ${r.week}`,
    `${r.period.days[0]} to ${r.period.days[6]} (${md(r.period.time_zone)}; ${when(r.period.start)} to ${when(r.period.end)}), compared with ${r.previous_week.week}. Generated ${when(r.generated_at)}.`,
    `## Executive Summary\n\n${summaryLines(r)
      .map((line) => `- ${md(line)}`)
      .join("\n")}`,
  ];
  const renderers = { queries, retraining, drift, feedback, health, performance };
  const body = sectionsToShow(r).map((key) => renderers[key](r));
  const note = r.period.time_zone === "UTC" || r.attribution.startsWith("Days start on a clock hour") ? [] : [`_${md(r.attribution)}_`];
  return `${[...head, ...body.filter(Boolean), recommendations(r), ...note].join("\n\n")}\n`;
}
