import type { WeeklyReport } from "../weekly-report.js";
import { escapeHtml as h } from "./escape.js";
import { breakdown, change, count, dayName, int, ms, percent, quantile, when } from "./format.js";
import { REPORT_CSS } from "./html-style.js";
import { sectionsToShow } from "./section-order.js";
import { summaryLines } from "./summary-lines.js";
import { columnChart, lineChart, shareBar, stackedColumns } from "./svg-charts.js";

const table = (head: string[], rows: string[][], numeric: number[] = []) =>
  `<table><thead><tr>${head.map((c, i) => `<th${numeric.includes(i) ? ' class="n"' : ""}>${c}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ""}>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
const section = (title: string, ...body: string[]) => `<section><h2>${title}</h2>${body.filter(Boolean).join("")}</section>`;
const p = (text: string) => `<p>${h(text)}</p>`;
const days = (r: WeeklyReport) => r.period.days.map((d, i) => `${dayName(i)} ${d.slice(5)}`);

function queries(r: WeeklyReport): string {
  const q = r.queries;
  return section(
    "Query Analysis",
    p(
      `${int(q.total)} queries started this week (${change(q.change.total)}): ${int(q.ok)} answered, ${int(q.errors)} failed (error rate ${percent(q.error_rate)}, ${change(q.change.error_rate, "ratio")}), ${int(q.unfinished.active)} still active, ${int(q.unfinished.abandoned)} abandoned.`,
    ),
    columnChart(
      "Completed queries per day, this week and the week before",
      "queries",
      days(r),
      q.per_day.map((d) => d.completed),
      q.per_day.map((d) => d.previous_completed),
    ),
    table(
      ["Day", "Completed", "Errors", "Week before"],
      q.per_day.map((d, i) => [`${dayName(i)} ${d.date}`, int(d.completed), int(d.errors), int(d.previous_completed)]),
      [1, 2, 3],
    ),
    `<h3>Decision mix</h3>`,
    p(`Fallback answers (llm_fallback + default_fallback): ${percent(q.fallback_share)} (${change(q.change.fallback_share, "ratio")}).`),
    shareBar(
      "Decision mix",
      q.decisions.map((d) => ({ name: d.decision, value: d.count })),
    ),
    table(
      ["Decision", "Queries", "Share"],
      q.decisions.map((d) => [h(d.decision), int(d.count), percent(d.share)]),
      [1, 2],
    ),
    `<h3>Top labels</h3>`,
    q.top_labels.length
      ? table(
          ["Label", "Queries", "Share of answered", "Week before"],
          q.top_labels.map((l) => [h(l.label), int(l.count), percent(l.share), int(l.previous_count)]),
          [1, 2, 3],
        )
      : p("No answered query carried a label."),
    p(`Model versions: ${q.model_versions.map((v) => `${v.model_version} ${int(v.count)}`).join(", ")}.`),
  );
}

function retraining(r: WeeklyReport): string {
  const t = r.retraining;
  if (t.runs === 0) return section("Retraining Activities", p(`No retrain ran this week (${change(t.change.runs)}).`));
  return section(
    "Retraining Activities",
    p(`${count(t.runs, "run")} (${change(t.change.runs)}), ${int(t.promoted)} promoted; by status: ${breakdown(t.by_status)}.`),
    table(
      ["Started", "Trigger", "Status", "Candidate", "Promoted", "Samples", "Reason"],
      t.list.map((x) => [
        when(x.started_at),
        h(x.trigger),
        h(x.status),
        h(x.candidate ?? "-"),
        x.promoted ? "yes" : "no",
        int(x.samples),
        h(x.reason),
      ]),
      [5],
    ),
  );
}

function drift(r: WeeklyReport): string {
  const d = r.drift;
  const a = d.alerts;
  return section(
    "Drift Alerts",
    p(
      `${count(d.checks, "drift check")} ran (${change(d.change.checks)})${d.checks ? `: ${breakdown(d.checks_by_severity)}; highest score ${d.max_score ?? "n/a"}` : ""}.`,
    ),
    p(
      `Alerts: ${int(a.raised)} raised (${change(d.change.raised)})${a.raised ? ` — ${breakdown(a.raised_by_severity)}` : ""}, ${int(a.acknowledged)} acknowledged, ${int(a.resolved)} resolved; ${int(a.unresolved_at_end)} unresolved when the week ended.`,
    ),
    a.list.length
      ? table(
          ["Alert", "Type", "Severity", "Opened", "Score", "Status at week end"],
          a.list.map((x) => [
            h(x.alert_id.slice(0, 8)),
            h(x.type),
            h(x.severity),
            when(x.opened_at),
            x.score === null ? "-" : String(x.score),
            h(x.status),
          ]),
          [4],
        )
      : "",
  );
}

function feedback(r: WeeklyReport): string {
  const f = r.feedback;
  if (f.total === 0) return section("User Feedback Trends", p(`No feedback this week (${change(f.change.total)}).`));
  const comments = f.negative_comments.length
    ? `<h3>Negative comments (lowest rating first)</h3><ul>${f.negative_comments
        .map(
          (c) =>
            `<li>${c.rating === null ? "no rating" : `${c.rating}/5`} · “${h(c.comment)}”${c.query === null ? "" : ` — on “${h(c.query)}”`}</li>`,
        )
        .join("")}</ul>`
    : "";
  return section(
    "User Feedback Trends",
    p(
      `${int(f.total)} feedback (${change(f.change.total)}): ${int(f.explicit)} explicit, ${int(f.implicit)} implicit. Positive ${percent(f.positive_ratio)} (${change(f.change.positive_ratio, "ratio")}), neutral ${int(f.sentiment.neutral)}, negative ${percent(f.negative_ratio)}. ${f.average_rating === null ? "No ratings." : `Average rating ${f.average_rating.toFixed(2)}/5 from ${count(f.rated, "rating")} (${change(f.change.average_rating)}).`} ${int(f.corrections)} label corrections.`,
    ),
    stackedColumns(
      "Feedback sentiment per day",
      days(r),
      ["positive", "neutral", "negative"],
      f.per_day.map((d) => [d.positive, d.neutral, d.negative]),
    ),
    table(
      ["Day", "Total", "Positive", "Neutral", "Negative"],
      f.per_day.map((d, i) => [`${dayName(i)} ${d.date}`, int(d.total), int(d.positive), int(d.neutral), int(d.negative)]),
      [1, 2, 3, 4],
    ),
    Object.keys(f.signals).length ? p(`Implicit signals: ${breakdown(f.signals)}.`) : "",
    comments,
  );
}

function health(r: WeeklyReport): string {
  const x = r.health;
  if (x.checks === 0)
    return section(
      "System Health Status",
      p("No health check was recorded this week (moodfood health, or metrics serve's minute timer, record them)."),
    );
  return section(
    "System Health Status",
    p(
      `${count(x.checks, "recorded check")}: score ${x.min}–${x.max}, mean ${x.mean} (${change(x.change.mean)}); by status: ${breakdown(x.status_counts)}. Last: ${x.last?.status} (${x.last?.score}) at ${when(x.last?.at ?? "")}.`,
    ),
    lineChart("Health score per day (lowest, mean)", "score", days(r), [
      { name: "lowest", values: x.per_day.map((d) => d.min), style: "s3" },
      { name: "mean", values: x.per_day.map((d) => d.mean), style: "s1" },
    ]),
  );
}

function performance(r: WeeklyReport): string {
  const l = r.latency;
  const llm = r.llm;
  const stage = (s: (typeof l.stages)[number]) => [
    h(s.stage),
    int(s.count),
    quantile(s.p50_ms, s.beyond_last_bucket),
    quantile(s.p95_ms, s.beyond_last_bucket),
    quantile(s.p99_ms, s.beyond_last_bucket),
    ms(s.mean_ms),
  ];
  return section(
    "Performance Metrics",
    p(
      `Percentiles are interpolated in the histogram's millisecond buckets (≈), as Prometheus' histogram_quantile does. Week before: p50 ${ms(l.change.p50_ms.previous)}, p95 ${ms(l.change.p95_ms.previous)}, p99 ${ms(l.change.p99_ms.previous)} (p50 ${change(l.change.p50_ms)}, p95 ${change(l.change.p95_ms)}, p99 ${change(l.change.p99_ms)}).`,
    ),
    lineChart(
      "Query latency percentiles per day (ms, log scale)",
      "ms",
      days(r),
      [
        { name: "p50", values: l.per_day.map((d) => d.p50_ms), style: "s1" },
        { name: "p95", values: l.per_day.map((d) => d.p95_ms), style: "s2" },
        { name: "p99", values: l.per_day.map((d) => d.p99_ms), style: "s3" },
      ],
      true,
    ),
    table(
      ["Day", "Queries", "p50", "p95", "p99"],
      l.per_day.map((d, i) => [
        `${dayName(i)} ${d.date}`,
        int(d.count),
        quantile(d.p50_ms, d.beyond_last_bucket),
        quantile(d.p95_ms, d.beyond_last_bucket),
        quantile(d.p99_ms, d.beyond_last_bucket),
      ]),
      [1, 2, 3, 4],
    ),
    table(
      ["Stage", "Count", "p50", "p95", "p99", "Mean"],
      [stage({ stage: "total", ...l.total }), ...l.stages.map(stage)],
      [1, 2, 3, 4, 5],
    ),
    `<h3>LLM calls</h3>`,
    p(
      `${int(llm.calls)} calls (${change(llm.change.calls)}), ${int(llm.failed)} failed (${percent(llm.failure_rate)}, ${change(llm.change.failure_rate, "ratio")})${llm.failed ? `: ${breakdown(llm.failures_by_reason)}` : ""}. The circuit breaker opened ${int(llm.circuit_openings)} ${llm.circuit_openings === 1 ? "time" : "times"} (${change(llm.change.circuit_openings)}); ${int(llm.circuit_refused)} calls refused while it was open (${change(llm.change.circuit_refused)}).`,
    ),
    Object.keys(llm.by_model).length
      ? table(
          ["Model", "Calls", "Failed"],
          Object.entries(llm.by_model).map(([m, v]) => [h(m), int(v.calls), int(v.failed)]),
          [1, 2],
        )
      : "",
  );
}

function recommendations(r: WeeklyReport): string {
  if (r.recommendations.length === 0) return section("Recommendations", p("None: nothing in this week's numbers calls for one."));
  return section(
    "Recommendations",
    `<ul>${r.recommendations.map((x) => `<li><strong>${h(x.rule)}</strong>: ${h(x.message)}</li>`).join("")}</ul>`,
  );
}

/** The report as one self-contained HTML page: inline CSS and SVG, no script, no external asset. */
export function renderHtml(r: WeeklyReport): string {
  const summary = section(
    "Executive Summary",
    `<ul>${summaryLines(r)
      .map((l) => `<li>${h(l)}</li>`)
      .join("")}</ul>`,
  );
  const renderers = { queries, retraining, drift, feedback, health, performance };
  const body = sectionsToShow(r).map((key) => renderers[key](r));
  const aligned = r.attribution.startsWith("Days start on a clock hour");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>moodfood weekly report ${h(r.week)}</title><style>${REPORT_CSS}</style></head>
<body><header><h1>Weekly report ${h(r.week)}</h1><p class="period">${h(`${r.period.days[0]} to ${r.period.days[6]} (${r.period.time_zone}; ${when(r.period.start)} to ${when(r.period.end)}), compared with ${r.previous_week.week}. Generated ${when(r.generated_at)}.`)}</p></header>
${[summary, ...body.filter(Boolean), recommendations(r)].join("\n")}
${aligned ? "" : `<p class="note">${h(r.attribution)}</p>`}
</body></html>
`;
}
