import type { AlertRow, DriftCheckRow } from "../drift-queries.js";
import type { RetrainRunRow } from "../model-queries.js";
import type { Promised } from "../promised.js";
import type {
  CounterHourRow,
  CrossingRow,
  HistogramHourRow,
  LabelSetRow,
  ReportCommentRow,
  ReportFeedbackRow,
  reportQueries,
} from "../report-queries.js";
import type { MetricLabels } from "../rollup-queries.js";
import type { Sql } from "./sql.js";

// SQLite's `SELECT *` of each table, spelled out so a PostgreSQL-only column could never leak into a row.
const CHECK_ROW = "id, checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result";
const ALERT_ROW =
  "id, alert_id, type, severity, status, opened_at, updated_at, acknowledged_at, resolved_at, model_version, score, threshold, details";

type HistogramRow = { hour: number; labels: string; count: number; sum: number; buckets: (number | string)[] };

/**
 * The weekly report's reads on PostgreSQL. Rollups are summed over every instance (the report is the
 * fleet's), one row per hour and label set as SQLite returns them; group orders are SQLite's (byte-wise, NULL first).
 */
export function reportQueriesPg(sql: Sql): Promised<ReturnType<typeof reportQueries>> {
  return {
    async counterHours(name: string, fromHour: number, toHour: number): Promise<CounterHourRow[]> {
      const rows = await sql.rows<{ hour: number; labels: string; value: number }>(
        `SELECT hour, labels, sum(value) AS value FROM counter_rollups WHERE name = $1 AND hour >= $2 AND hour < $3
         GROUP BY hour, labels ORDER BY hour, labels COLLATE "C"`,
        [name, fromHour, toHour],
      );
      return rows.map((r) => ({ hour: r.hour, labels: JSON.parse(r.labels) as MetricLabels, value: r.value }));
    },
    async histogramHours(name: string, fromHour: number, toHour: number): Promise<HistogramHourRow[]> {
      const rows = await sql.rows<HistogramRow>(
        `SELECT hour, labels, count, sum, buckets FROM histogram_rollups WHERE name = $1 AND hour >= $2 AND hour < $3
         ORDER BY hour, labels COLLATE "C", instance`,
        [name, fromHour, toHour],
      );
      return sumInstances(rows);
    },
    crossing: (since: number, until: number, endedFrom: number) =>
      sql.rows<CrossingRow>(
        `SELECT status, final_decision, model_version, count(*)::int AS n FROM traces
         WHERE started_at >= $1 AND started_at < $2 AND ended_at >= $3 AND status IN ('ok', 'error')
         GROUP BY status, final_decision, model_version
         ORDER BY status COLLATE "C", final_decision COLLATE "C" NULLS FIRST, model_version COLLATE "C" NULLS FIRST`,
        [since, until, endedFrom],
      ),
    labelSets: (since: number, until: number, cutoff: number) =>
      sql.rows<LabelSetRow>(
        `SELECT CASE WHEN status = 'active' AND started_at < $3 THEN 'abandoned' ELSE status END COLLATE "C" AS state, labels, count(*)::int AS n
         FROM traces WHERE started_at >= $1 AND started_at < $2 GROUP BY state, labels ORDER BY state, labels COLLATE "C"`,
        [since, until, cutoff],
      ),
    async traceSpan(): Promise<{ first: number | null; last: number | null }> {
      return (await sql.one<{ first: number | null; last: number | null }>(
        "SELECT min(started_at) AS first, max(started_at) AS last FROM traces",
      )) as { first: number | null; last: number | null };
    },
    feedback: (since: number, until: number) =>
      sql.rows<ReportFeedbackRow>(
        `SELECT created_at, type, rating, sentiment, signal, (labels IS NOT NULL)::int AS corrected, model_version
         FROM feedback WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id`,
        [since, until],
      ),
    negativeComments: (since: number, until: number, limit: number) =>
      sql.rows<ReportCommentRow>(
        `SELECT f.created_at, f.rating, f.sentiment, f.comment, t.query FROM feedback f LEFT JOIN traces t ON t.trace_id = f.trace_id
         WHERE f.created_at >= $1 AND f.created_at < $2 AND f.sentiment = 'negative' AND f.comment IS NOT NULL AND f.comment != ''
         ORDER BY coalesce(f.rating, 3), f.created_at, f.id LIMIT $3`,
        [since, until, limit],
      ),
    alerts: (from: number, to: number) =>
      sql.rows<AlertRow>(
        `SELECT ${ALERT_ROW} FROM drift_alerts
         WHERE (opened_at >= $1 AND opened_at < $2) OR (acknowledged_at >= $1 AND acknowledged_at < $2)
           OR (resolved_at >= $1 AND resolved_at < $2) OR (opened_at < $2 AND (resolved_at IS NULL OR resolved_at >= $2))
         ORDER BY opened_at, id`,
        [from, to],
      ),
    driftChecks: (since: number, until: number) =>
      sql.rows<DriftCheckRow>(`SELECT ${CHECK_ROW} FROM drift_checks WHERE checked_at >= $1 AND checked_at < $2 ORDER BY checked_at, id`, [
        since,
        until,
      ]),
    retrainRuns: (since: number, until: number) =>
      sql.rows<RetrainRunRow>(
        `SELECT run_id, started_at, duration_ms, trigger, status, candidate, active, promoted, reason, samples, gold, silver, gold_ratio, scores, buffer
         FROM retrain_runs WHERE started_at >= $1 AND started_at < $2 ORDER BY started_at, id`,
        [since, until],
      ),
  };
}

/** Rows ordered by (hour, labels): each run of equal keys (one per instance) becomes one row, buckets summed elementwise. */
function sumInstances(rows: HistogramRow[]): HistogramHourRow[] {
  const out: HistogramHourRow[] = [];
  let last: { hour: number; key: string; row: HistogramHourRow } | undefined;
  for (const r of rows) {
    const buckets = r.buckets.map(Number);
    if (last && last.hour === r.hour && last.key === r.labels) {
      const into = last.row;
      into.count += r.count;
      into.sum += r.sum;
      buckets.forEach((n, i) => {
        into.buckets[i] = (into.buckets[i] ?? 0) + n;
      });
      continue;
    }
    const row = { hour: r.hour, labels: JSON.parse(r.labels) as MetricLabels, count: r.count, sum: r.sum, buckets };
    out.push(row);
    last = { hour: r.hour, key: r.labels, row };
  }
  return out;
}
