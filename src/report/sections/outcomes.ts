import { countChange, ratio, ratioChange } from "../change.js";
import type { WeekFacts } from "../read/week-facts.js";
import type { DriftSection, FeedbackSection, HealthSection, RetrainingSection } from "../weekly-report.js";

const iso = (ms: number) => new Date(ms).toISOString();

export function driftSection(now: WeekFacts, before: WeekFacts): DriftSection {
  const d = now.drift;
  return {
    checks: d.checks,
    checks_by_severity: d.checksBySeverity,
    max_score: d.maxScore === null ? null : Math.round(d.maxScore * 1e4) / 1e4,
    alerts: {
      raised: d.raised,
      acknowledged: d.acknowledged,
      resolved: d.resolved,
      unresolved_at_end: d.unresolvedAtEnd,
      raised_by_severity: d.raisedBySeverity,
      list: d.alerts.map((a) => ({ ...a, opened_at: iso(a.opened_at) })),
    },
    change: { raised: countChange(d.raised, before.drift.raised), checks: countChange(d.checks, before.drift.checks) },
  };
}

const positive = (f: WeekFacts) => ratio(f.feedback.sentiment.positive, f.feedback.total);
const averageRating = (f: WeekFacts) =>
  f.feedback.rated === 0 ? null : Math.round((f.feedback.rating_sum / f.feedback.rated) * 100) / 100;

export function feedbackSection(now: WeekFacts, before: WeekFacts): FeedbackSection {
  const f = now.feedback;
  return {
    total: f.total,
    explicit: f.explicit,
    implicit: f.implicit,
    sentiment: f.sentiment,
    positive_ratio: positive(now),
    negative_ratio: ratio(f.sentiment.negative, f.total),
    average_rating: averageRating(now),
    rated: f.rated,
    corrections: f.corrections,
    signals: f.signals,
    per_day: f.perDay.map((d, i) => ({ date: now.period.dates[i] as string, ...d })),
    negative_comments: f.negativeComments.map((c) => ({ ...c, at: iso(c.at) })),
    change: {
      total: countChange(f.total, before.feedback.total),
      positive_ratio: ratioChange(positive(now), positive(before)),
      average_rating: countChange(averageRating(now), averageRating(before), 2),
    },
  };
}

export function retrainingSection(now: WeekFacts, before: WeekFacts): RetrainingSection {
  const byStatus: Record<string, number> = {};
  for (const run of now.retrains) byStatus[run.status] = (byStatus[run.status] ?? 0) + 1;
  const promoted = (f: WeekFacts) => f.retrains.filter((r) => r.promoted).length;
  return {
    runs: now.retrains.length,
    promoted: promoted(now),
    by_status: byStatus,
    list: now.retrains.map((r) => ({ ...r, started_at: iso(r.started_at) })),
    change: { runs: countChange(now.retrains.length, before.retrains.length), promoted: countChange(promoted(now), promoted(before)) },
  };
}

export function healthSection(now: WeekFacts, before: WeekFacts): HealthSection {
  const h = now.health;
  return {
    checks: h.checks,
    min: h.min,
    mean: h.mean,
    max: h.max,
    status_counts: h.statusCounts,
    last: h.last ? { ...h.last, at: iso(h.last.at) } : null,
    per_day: h.perDay.map((d, i) => ({ date: now.period.dates[i] as string, ...d })),
    change: { mean: countChange(h.mean, before.health.mean, 1), min: countChange(h.min, before.health.min, 1) },
  };
}
