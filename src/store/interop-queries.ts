import type { FeedbackRecord } from "../records/feedback.js";
import type { TraceRecord } from "../records/trace.js";
import type { AlertRow, DriftCheckRow } from "./drift-queries.js";
import { FEEDBACK_COLUMNS, type FeedbackRow, feedbackFromRow, feedbackToRow } from "./feedback-queries.js";
import type { Db } from "./open-store.js";
import { TRACE_COLUMNS, type TraceRow, toRow } from "./trace-rows.js";

/** A feedback row joined with its trace's query and recommendations (the original feedback lines carry both). */
export type FeedbackExportRow = FeedbackRecord & { trace_query: string | null; trace_recommendations: string | null };

/** Feedback counts of one model version on one UTC day. */
export interface FeedbackDayRow {
  model_version: string | null;
  day: number;
  last_at: number;
  total: number;
  positive: number;
  negative: number;
  neutral: number;
  rating_sum: number;
  rating_count: number;
}

const DRIFT_CHECK_COLUMNS = "checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result";
const DRIFT_ALERT_COLUMNS =
  "alert_id, type, severity, status, opened_at, updated_at, acknowledged_at, resolved_at, model_version, score, threshold, details";
const params = (columns: string) => columns.replace(/(^|, )/g, "$1@");

/** Prepared on first use: the query path opens the store too, and these would cost it ~2 ms at every start. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Statements for `export jsonl` (streamed with iterate) and `import` (insert-if-absent, so imports are idempotent). */
export function interopQueries(db: Db) {
  const traces = lazy(() => db.prepare(`SELECT ${TRACE_COLUMNS} FROM traces ORDER BY started_at, id`));
  const feedback = lazy(() =>
    db.prepare(
      `SELECT ${FEEDBACK_COLUMNS.replace(/(^|, )/g, "$1f.")}, t.query AS trace_query, t.recommendations AS trace_recommendations
     FROM feedback f LEFT JOIN traces t ON t.trace_id = f.trace_id ORDER BY f.created_at, f.id`,
    ),
  );
  const feedbackDays = lazy(() =>
    db.prepare(
      `SELECT model_version, created_at / 86400000 AS day, MAX(created_at) AS last_at, COUNT(*) AS total,
       SUM(sentiment = 'positive') AS positive, SUM(sentiment = 'negative') AS negative, SUM(sentiment = 'neutral') AS neutral,
       COALESCE(SUM(CASE WHEN type = 'explicit' THEN rating END), 0) AS rating_sum, COUNT(CASE WHEN type = 'explicit' THEN rating END) AS rating_count
     FROM feedback GROUP BY model_version, day ORDER BY model_version, day`,
    ),
  );
  const driftChecks = lazy(() => db.prepare(`SELECT ${DRIFT_CHECK_COLUMNS} FROM drift_checks ORDER BY checked_at, id`));
  const driftAlerts = lazy(() => db.prepare(`SELECT ${DRIFT_ALERT_COLUMNS} FROM drift_alerts ORDER BY opened_at, id`));

  const insertTrace = lazy(() =>
    db.prepare(`INSERT INTO traces (${TRACE_COLUMNS}) VALUES (${params(TRACE_COLUMNS)}) ON CONFLICT(trace_id) DO NOTHING`),
  );
  const insertFeedback = lazy(() =>
    db.prepare(`INSERT INTO feedback (${FEEDBACK_COLUMNS}) VALUES (${params(FEEDBACK_COLUMNS)}) ON CONFLICT(feedback_id) DO NOTHING`),
  );
  const findDriftCheck = lazy(() =>
    db.prepare("SELECT 1 FROM drift_checks WHERE checked_at = ? AND model_version IS ? AND baseline = ? LIMIT 1"),
  );
  const insertDriftCheck = lazy(() =>
    db.prepare(`INSERT INTO drift_checks (${DRIFT_CHECK_COLUMNS}) VALUES (${params(DRIFT_CHECK_COLUMNS)})`),
  );
  const insertDriftAlert = lazy(() =>
    db.prepare(
      `INSERT INTO drift_alerts (${DRIFT_ALERT_COLUMNS}) VALUES (${params(DRIFT_ALERT_COLUMNS)}) ON CONFLICT(alert_id) DO NOTHING`,
    ),
  );
  const fillQuery = lazy(() => db.prepare("UPDATE traces SET query = ? WHERE trace_id = ? AND query = ''"));
  const fillRecommendations = lazy(() => db.prepare("UPDATE traces SET recommendations = ? WHERE trace_id = ? AND recommendations = '[]'"));

  return {
    iterateTraces: () => traces().iterate() as IterableIterator<TraceRow>,
    *iterateFeedback(): IterableIterator<FeedbackExportRow> {
      for (const row of feedback().iterate() as IterableIterator<FeedbackRow & Omit<FeedbackExportRow, keyof FeedbackRecord>>) {
        yield { ...row, ...feedbackFromRow(row) };
      }
    },
    feedbackDays: () => feedbackDays().all() as FeedbackDayRow[],
    iterateDriftChecks: () => driftChecks().iterate() as IterableIterator<DriftCheckRow>,
    iterateDriftAlerts: () => driftAlerts().iterate() as IterableIterator<AlertRow>,

    /** False when a trace with this id is already stored. */
    insertTraceIfAbsent: (trace: TraceRecord): boolean => insertTrace().run(toRow(trace)).changes === 1,
    insertFeedbackIfAbsent: (row: FeedbackRecord): boolean => insertFeedback().run(feedbackToRow(row)).changes === 1,
    insertDriftCheckIfAbsent(row: DriftCheckRow): boolean {
      if (findDriftCheck().get(row.checked_at, row.model_version, row.baseline)) return false;
      insertDriftCheck().run(row);
      return true;
    },
    insertDriftAlertIfAbsent: (row: AlertRow): boolean => insertDriftAlert().run(row).changes === 1,
    /** Original feedback lines carry the query; fill it into a trace that lacks one (the original traces.jsonl has none). */
    fillTraceQuery(traceId: string, query: string, recommendations: string[]): void {
      if (query) fillQuery().run(query, traceId);
      if (recommendations.length > 0) fillRecommendations().run(JSON.stringify(recommendations), traceId);
    },
  };
}
