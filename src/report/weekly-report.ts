// The weekly report as data (DESIGN §9, contract): `report weekly --format json` prints it as is, and the
// Markdown and HTML renderers show nothing that is not in it. Times are ISO 8601 UTC; durations in ms.

import type { LatencySummary } from "./read/latency.js";
import type { RetrainFacts } from "./read/retraining.js";

/**
 * Week over week: `change` is current − previous in the field's own unit (a ratio's change is a ratio,
 * 0.05 = 5 points); `change_pct` is the relative change in percent, only for counts and times, and null
 * when there is nothing to compare with (previous 0 or null).
 */
export interface Change {
  previous: number | null;
  change: number | null;
  change_pct: number | null;
}

export interface DayCount {
  date: string;
  completed: number;
  errors: number;
  /** Completed queries on the same weekday of the week before. */
  previous_completed: number;
}

export interface QueriesSection {
  /** Every query that started in the week: completed (ok + errors) and unfinished (active or abandoned). */
  total: number;
  completed: number;
  ok: number;
  errors: number;
  unfinished: { active: number; abandoned: number };
  /** errors ÷ completed; null with no completed query. */
  error_rate: number | null;
  per_day: DayCount[];
  decisions: { decision: string; count: number; share: number }[];
  /** (llm_fallback + default_fallback) ÷ completed: answers the ML classifier was not confident about. */
  fallback_share: number | null;
  top_labels: { label: string; count: number; share: number; previous_count: number }[];
  model_versions: { model_version: string; count: number }[];
  change: { total: Change; error_rate: Change; fallback_share: Change };
}

export interface LatencySection {
  total: LatencySummary;
  stages: (LatencySummary & { stage: string })[];
  per_day: (LatencySummary & { date: string })[];
  change: { p50_ms: Change; p95_ms: Change; p99_ms: Change };
}

export interface LlmSection {
  calls: number;
  failed: number;
  failure_rate: number | null;
  failures_by_reason: Record<string, number>;
  circuit_refused: number;
  circuit_openings: number;
  by_model: Record<string, { calls: number; failed: number }>;
  change: { calls: Change; failure_rate: Change; circuit_refused: Change; circuit_openings: Change };
}

export interface DriftSection {
  checks: number;
  checks_by_severity: Record<string, number>;
  max_score: number | null;
  alerts: {
    raised: number;
    acknowledged: number;
    resolved: number;
    unresolved_at_end: number;
    raised_by_severity: Record<string, number>;
    list: { alert_id: string; type: string; severity: string; status: string; opened_at: string; score: number | null }[];
  };
  change: { raised: Change; checks: Change };
}

export interface FeedbackSection {
  total: number;
  explicit: number;
  implicit: number;
  sentiment: { positive: number; neutral: number; negative: number };
  positive_ratio: number | null;
  negative_ratio: number | null;
  average_rating: number | null;
  rated: number;
  corrections: number;
  signals: Record<string, number>;
  per_day: { date: string; total: number; positive: number; neutral: number; negative: number }[];
  /** Negative feedback with a comment (lowest rating first, at most 5): user text, escaped when rendered. */
  negative_comments: { at: string; rating: number | null; comment: string; query: string | null }[];
  change: { total: Change; positive_ratio: Change; average_rating: Change };
}

export interface RetrainingSection {
  runs: number;
  promoted: number;
  by_status: Record<string, number>;
  /** The week's runs as read, with the start time as ISO text. */
  list: (Omit<RetrainFacts, "started_at"> & { started_at: string })[];
  change: { runs: Change; promoted: Change };
}

export interface HealthSection {
  checks: number;
  min: number | null;
  mean: number | null;
  max: number | null;
  status_counts: Record<string, number>;
  last: { at: string; status: string; score: number } | null;
  per_day: { date: string; checks: number; min: number | null; mean: number | null; max: number | null }[];
  change: { mean: Change; min: Change };
}

export interface Recommendation {
  /** Stable rule id (docs/decisions/0018-weekly-report.md lists the rules). */
  rule: string;
  message: string;
  /** The numbers the rule fired on. */
  evidence: Record<string, number | string | null>;
}

export interface WeeklyReport {
  week: string;
  period: { start: string; end: string; time_zone: string; days: string[] };
  /** `partial`: the oldest stored trace started after this week began, so week-over-week compares with part of a week. */
  previous_week: { week: string; start: string; end: string; partial: boolean };
  generated_at: string;
  /** No query started in the week. */
  empty: boolean;
  /** Start of the oldest and newest stored trace, so an empty week can say where the data is. */
  stored_traces: { first: string | null; last: string | null };
  /** How hourly rollups map onto the zone's days (exact in whole-hour zones). */
  attribution: string;
  queries: QueriesSection;
  latency: LatencySection;
  llm: LlmSection;
  drift: DriftSection;
  feedback: FeedbackSection;
  retraining: RetrainingSection;
  health: HealthSection;
  recommendations: Recommendation[];
}
