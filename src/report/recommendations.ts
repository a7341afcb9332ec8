import type { Recommendation, WeeklyReport } from "./weekly-report.js";

type Facts = Omit<WeeklyReport, "recommendations">;

/** One documented rule (docs/decisions/0018-weekly-report.md): fires on numbers of the report, cites them. */
interface Rule {
  id: string;
  fire(r: Facts): Omit<Recommendation, "rule"> | null;
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);
const points = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} points`;
const range = (r: Facts) => `--since ${r.period.start.slice(0, 19)}Z --until ${r.period.end.slice(0, 19)}Z`;

/** Thresholds, each with the smallest sample it needs so a handful of queries cannot fire a rule. */
export const RULES: readonly Rule[] = [
  {
    id: "fallback_share_up",
    fire: ({ queries: q }) => {
      const delta = q.change.fallback_share.change;
      if (delta === null || delta <= 0.05 || q.completed < 50) return null;
      return {
        message: `Fallback answers rose from ${pct(q.change.fallback_share.previous)} to ${pct(q.fallback_share)} (${points(delta)}): the classifier was unsure more often, so more answers leaned on the LLM parser or defaults. Look at the LLM provider (moodfood llm check) and run moodfood drift check.`,
        evidence: { fallback_share: q.fallback_share, previous: q.change.fallback_share.previous, change: delta },
      };
    },
  },
  {
    id: "error_rate_high",
    fire: (r) => {
      const q = r.queries;
      if (q.error_rate === null || q.error_rate <= 0.01 || q.completed < 20) return null;
      return {
        message: `${q.errors} of ${q.completed} queries failed (${pct(q.error_rate)}, above 1%). List them with moodfood trace list --status error ${range(r)}.`,
        evidence: { errors: q.errors, completed: q.completed, error_rate: q.error_rate },
      };
    },
  },
  {
    id: "latency_p95_up",
    fire: ({ latency: l }) => {
      const growth = l.change.p95_ms.change_pct;
      if (growth === null || growth <= 50 || l.total.count < 50 || (l.change.p95_ms.previous ?? 0) <= 0) return null;
      const slowest = [...l.stages].sort((a, b) => (b.p95_ms ?? 0) - (a.p95_ms ?? 0))[0];
      return {
        message: `p95 latency grew ${growth.toFixed(1)}% (from ${l.change.p95_ms.previous} ms to ${l.total.p95_ms} ms)${slowest ? `; the slowest stage at p95 is ${slowest.stage} (${slowest.p95_ms} ms)` : ""}. Open the slowest traces with moodfood trace list --min-ms ${Math.floor(l.total.p95_ms ?? 0)}.`,
        evidence: { p95_ms: l.total.p95_ms, previous: l.change.p95_ms.previous, change_pct: growth },
      };
    },
  },
  {
    id: "llm_failures_high",
    fire: ({ llm }) => {
      if (llm.failure_rate === null || llm.failure_rate <= 0.05 || llm.calls < 20) return null;
      const [reason, n] = Object.entries(llm.failures_by_reason).sort(([, a], [, b]) => b - a)[0] ?? ["unknown", 0];
      return {
        message: `${llm.failed} of ${llm.calls} LLM calls failed (${pct(llm.failure_rate)}, above 5%), most often ${reason} (${n}). Check the provider with moodfood llm check.`,
        evidence: { failed: llm.failed, calls: llm.calls, failure_rate: llm.failure_rate, top_reason: reason },
      };
    },
  },
  {
    id: "circuit_opened",
    fire: ({ llm }) =>
      llm.circuit_refused === 0
        ? null
        : {
            message: `The LLM circuit breaker opened ${llm.circuit_openings} ${llm.circuit_openings === 1 ? "time" : "times"} and ${llm.circuit_refused} LLM calls were refused while it was open (it opens after 5 failures in a row): the provider was down or slow for a while. Check it with moodfood llm check.`,
            evidence: { circuit_openings: llm.circuit_openings, circuit_refused: llm.circuit_refused },
          },
  },
  {
    id: "positive_feedback_down",
    fire: ({ feedback: f }) => {
      const delta = f.change.positive_ratio.change;
      if (delta === null || delta >= -0.1 || f.total < 20 || (f.change.total.previous ?? 0) < 20) return null;
      return {
        message: `Positive feedback fell from ${pct(f.change.positive_ratio.previous)} to ${pct(f.positive_ratio)} (${points(delta)}). Read the negative comments in this report and consider moodfood retrain.`,
        evidence: { positive_ratio: f.positive_ratio, previous: f.change.positive_ratio.previous, change: delta },
      };
    },
  },
  {
    id: "alerts_unresolved",
    fire: ({ drift }) =>
      drift.alerts.unresolved_at_end === 0
        ? null
        : {
            message: `${drift.alerts.unresolved_at_end} drift alert(s) were still unresolved when the week ended. Review them with moodfood drift alerts and acknowledge (moodfood drift ack) or act on them.`,
            evidence: { unresolved_at_end: drift.alerts.unresolved_at_end },
          },
  },
  {
    id: "health_below_healthy",
    fire: ({ health: h }) =>
      h.min === null || h.min >= 80
        ? null
        : {
            message: `The health score fell to ${h.min} this week (below 80 is degraded, below 50 unhealthy). Run moodfood health to see which component failed.`,
            evidence: { min: h.min, mean: h.mean },
          },
  },
  {
    id: "health_not_recorded",
    fire: ({ health: h, queries: q }) =>
      h.checks > 0 || q.total === 0
        ? null
        : {
            message: `No health check was recorded this week while ${q.total} queries ran. Keep moodfood metrics serve running (it records health every minute) or schedule moodfood health.`,
            evidence: { health_checks: 0, queries: q.total },
          },
  },
  {
    id: "volume_down",
    fire: ({ queries: q }) => {
      const drop = q.change.total.change_pct;
      if (drop === null || drop >= -50 || (q.change.total.previous ?? 0) < 100) return null;
      return {
        message: `Queries fell ${Math.abs(drop).toFixed(1)}% (from ${q.change.total.previous} to ${q.total}). Check that clients still reach moodfood.`,
        evidence: { total: q.total, previous: q.change.total.previous, change_pct: drop },
      };
    },
  },
  {
    id: "corrections_waiting",
    fire: ({ feedback: f, retraining: t }) =>
      f.corrections < 20 || t.runs > 0
        ? null
        : {
            message: `${f.corrections} label corrections arrived and no retrain ran. Run moodfood retrain (it promotes only when the held-out score is not worse).`,
            evidence: { corrections: f.corrections, retrain_runs: 0 },
          },
  },
];

/** Every rule that fires, in table order; none when nothing calls for one. */
export function recommend(report: Facts): Recommendation[] {
  return RULES.flatMap((rule) => {
    const fired = rule.fire(report);
    return fired ? [{ rule: rule.id, ...fired }] : [];
  });
}
