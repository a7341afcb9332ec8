import type { AlertRow, DriftCheckRow } from "./drift-queries.js";
import type { RetrainRunRow } from "./model-queries.js";
import type { Db } from "./open-store.js";
import type { MetricLabels } from "./rollup-queries.js";

/** One hourly row of a counter (hour = epoch ms / 3.6e6, the hour the event ended in). */
export interface CounterHourRow {
  hour: number;
  labels: MetricLabels;
  value: number;
}

/** One hourly row of a histogram, per-bucket counts. */
export interface HistogramHourRow {
  hour: number;
  labels: MetricLabels;
  count: number;
  sum: number;
  buckets: number[];
}

/** Completed traces that started before a boundary but whose rollups landed at or after it. */
export interface CrossingRow {
  status: string;
  final_decision: string | null;
  model_version: string | null;
  n: number;
}

/** Traces of a range grouped by status and label set (labels as stored JSON). */
export interface LabelSetRow {
  state: string;
  labels: string;
  n: number;
}

export interface ReportFeedbackRow {
  created_at: number;
  type: string;
  rating: number | null;
  sentiment: string;
  signal: string | null;
  corrected: number;
  model_version: string | null;
}

export interface ReportCommentRow {
  created_at: number;
  rating: number | null;
  sentiment: string;
  comment: string;
  query: string | null;
}

/**
 * The weekly report's reads: hourly rollup rows through the (name, hour) prefix of their key, and index
 * ranges over traces (started_at), feedback (created_at), drift checks, retrain runs; alerts is a small table.
 */
export function reportQueries(db: Db) {
  const counterHours = db.prepare("SELECT hour, labels, value FROM counter_rollups WHERE name = ? AND hour >= ? AND hour < ?");
  const histogramHours = db.prepare(
    "SELECT hour, labels, count, sum, buckets FROM histogram_rollups WHERE name = ? AND hour >= ? AND hour < ?",
  );
  const crossing = db.prepare(
    `SELECT status, final_decision, model_version, count(*) AS n FROM traces
     WHERE started_at >= ? AND started_at < ? AND ended_at >= ? AND status IN ('ok', 'error')
     GROUP BY status, final_decision, model_version`,
  );
  // Grouped in SQLite (one pass over the range), so JavaScript parses each distinct label set once.
  const labelSets = db.prepare(
    `SELECT CASE WHEN status = 'active' AND started_at < @cutoff THEN 'abandoned' ELSE status END AS state, labels, count(*) AS n
     FROM traces WHERE started_at >= @since AND started_at < @until GROUP BY state, labels`,
  );
  const span = db.prepare("SELECT min(started_at) AS first, max(started_at) AS last FROM traces");
  const feedback = db.prepare(
    `SELECT created_at, type, rating, sentiment, signal, labels IS NOT NULL AS corrected, model_version
     FROM feedback WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id`,
  );
  const comments = db.prepare(
    `SELECT f.created_at, f.rating, f.sentiment, f.comment, t.query FROM feedback f LEFT JOIN traces t ON t.trace_id = f.trace_id
     WHERE f.created_at >= ? AND f.created_at < ? AND f.sentiment = 'negative' AND f.comment IS NOT NULL AND f.comment != ''
     ORDER BY coalesce(f.rating, 3), f.created_at LIMIT ?`,
  );
  const alerts = db.prepare(
    `SELECT * FROM drift_alerts WHERE (opened_at >= @from AND opened_at < @to) OR (acknowledged_at >= @from AND acknowledged_at < @to)
       OR (resolved_at >= @from AND resolved_at < @to) OR (opened_at < @to AND (resolved_at IS NULL OR resolved_at >= @to))
     ORDER BY opened_at`,
  );
  const checks = db.prepare("SELECT * FROM drift_checks WHERE checked_at >= ? AND checked_at < ? ORDER BY checked_at");
  const retrains = db.prepare(
    "SELECT run_id, started_at, duration_ms, trigger, status, candidate, active, promoted, reason, samples, gold, silver, gold_ratio, scores, buffer FROM retrain_runs WHERE started_at >= ? AND started_at < ? ORDER BY started_at",
  );

  return {
    /** Counter `name`'s rows for hours fromHour ≤ hour < toHour. */
    counterHours(name: string, fromHour: number, toHour: number): CounterHourRow[] {
      return (counterHours.all(name, fromHour, toHour) as { hour: number; labels: string; value: number }[]).map((r) => ({
        hour: r.hour,
        labels: JSON.parse(r.labels) as MetricLabels,
        value: r.value,
      }));
    },
    /** Histogram `name`'s rows for hours fromHour ≤ hour < toHour. */
    histogramHours(name: string, fromHour: number, toHour: number): HistogramHourRow[] {
      type Row = { hour: number; labels: string; count: number; sum: number; buckets: string };
      return (histogramHours.all(name, fromHour, toHour) as Row[]).map((r) => ({
        hour: r.hour,
        labels: JSON.parse(r.labels) as MetricLabels,
        count: r.count,
        sum: r.sum,
        buckets: JSON.parse(r.buckets) as number[],
      }));
    },
    /** Completed traces that started in [since, until) and ended at or after `endedFrom`. */
    crossing(since: number, until: number, endedFrom: number): CrossingRow[] {
      return crossing.all(since, until, endedFrom) as CrossingRow[];
    },
    /** Traces that started in [since, until), counted per status (active before `cutoff` read as abandoned) and label set. */
    labelSets(since: number, until: number, cutoff: number): LabelSetRow[] {
      return labelSets.all({ since, until, cutoff }) as LabelSetRow[];
    },
    /** Start of the oldest and newest stored trace (null when there is none). */
    traceSpan(): { first: number | null; last: number | null } {
      return span.get() as { first: number | null; last: number | null };
    },
    feedback(since: number, until: number): ReportFeedbackRow[] {
      return feedback.all(since, until) as ReportFeedbackRow[];
    },
    /** Negative feedback with a comment, lowest rating first, with its trace's query. */
    negativeComments(since: number, until: number, limit: number): ReportCommentRow[] {
      return comments.all(since, until, limit) as ReportCommentRow[];
    },
    /** Alerts opened, acknowledged or resolved in [from, to), or still unresolved at `to`. */
    alerts(from: number, to: number): AlertRow[] {
      return alerts.all({ from, to }) as AlertRow[];
    },
    driftChecks(since: number, until: number): DriftCheckRow[] {
      return checks.all(since, until) as DriftCheckRow[];
    },
    retrainRuns(since: number, until: number): RetrainRunRow[] {
      return retrains.all(since, until) as RetrainRunRow[];
    },
  };
}
