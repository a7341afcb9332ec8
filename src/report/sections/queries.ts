import { countChange, ratio, ratioChange } from "../change.js";
import type { WeekFacts } from "../read/week-facts.js";
import type { QueriesSection } from "../weekly-report.js";

const TOP_LABELS = 10;
const FALLBACKS = ["llm_fallback", "default_fallback"];

const fallbackShare = (f: WeekFacts) =>
  ratio(
    FALLBACKS.reduce((n, d) => n + (f.week.decisions.get(d) ?? 0), 0),
    f.week.total,
  );
const errorRate = (f: WeekFacts) => ratio(f.week.errors, f.week.total);
const total = (f: WeekFacts) => f.week.total + f.labels.unfinished.active + f.labels.unfinished.abandoned;

export function queriesSection(now: WeekFacts, before: WeekFacts): QueriesSection {
  const { week } = now;
  const answered = now.week.total - now.week.errors;
  const labelled = [...now.labels.counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, TOP_LABELS);
  const okQueries = Math.max(answered, 0);
  return {
    total: total(now),
    completed: week.total,
    ok: okQueries,
    errors: week.errors,
    unfinished: now.labels.unfinished,
    error_rate: errorRate(now),
    per_day: now.days.map((d, i) => ({
      date: now.period.dates[i] as string,
      completed: d.total,
      errors: d.errors,
      previous_completed: before.days[i]?.total ?? 0,
    })),
    decisions: [...week.decisions]
      .filter(([, n]) => n !== 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([decision, count]) => ({ decision, count, share: ratio(count, week.total) ?? 0 })),
    fallback_share: fallbackShare(now),
    top_labels: labelled.map(([label, count]) => ({
      label,
      count,
      share: ratio(count, okQueries) ?? 0,
      previous_count: before.labels.counts.get(label) ?? 0,
    })),
    model_versions: [...week.modelVersions]
      .filter(([, n]) => n !== 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([model_version, count]) => ({ model_version, count })),
    change: {
      total: countChange(total(now), total(before)),
      error_rate: ratioChange(errorRate(now), errorRate(before)),
      fallback_share: ratioChange(fallbackShare(now), fallbackShare(before)),
    },
  };
}
