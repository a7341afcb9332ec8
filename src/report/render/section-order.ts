import type { WeeklyReport } from "../weekly-report.js";

export type SectionKey = "queries" | "retraining" | "drift" | "feedback" | "health" | "performance";

/**
 * The sections a report shows, in order, for every renderer: all of them for a week with queries; for a week
 * without, only those that still have something true to say (no zeros dressed as health).
 */
export function sectionsToShow(r: WeeklyReport): SectionKey[] {
  if (!r.empty) return ["queries", "retraining", "drift", "feedback", "health", "performance"];
  const shown: [SectionKey, boolean][] = [
    ["feedback", r.feedback.total > 0],
    ["drift", r.drift.alerts.list.length > 0 || r.drift.checks > 0],
    ["retraining", r.retraining.runs > 0],
    ["health", r.health.checks > 0],
  ];
  return shown.filter(([, show]) => show).map(([key]) => key);
}
