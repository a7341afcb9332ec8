import type { FeedbackRecord } from "../../records/feedback.js";
import type { TraceRecord } from "../../records/trace.js";
import type { AlertRow, DriftCheckRow } from "../drift-queries.js";
import { FEEDBACK_COLUMNS, type FeedbackRow, feedbackFromRow, feedbackToRow } from "../feedback-queries.js";
import type { FeedbackDayRow, FeedbackExportRow, interopQueries } from "../interop-queries.js";
import type { Promised } from "../promised.js";
import { TRACE_COLUMNS, type TraceRow, toRow } from "../trace-rows.js";
import { columnParams } from "./feedback-queries-pg.js";
import type { Sql } from "./sql.js";

const DRIFT_CHECK_COLUMNS = "checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result";
const DRIFT_ALERT_COLUMNS =
  "alert_id, type, severity, status, opened_at, updated_at, acknowledged_at, resolved_at, model_version, score, threshold, details";

/** The epoch-ms (BIGINT) columns of the imported tables. */
const TIME_COLUMNS = new Set([
  "started_at",
  "ended_at",
  "created_at",
  "checked_at",
  "window_start",
  "window_end",
  "opened_at",
  "updated_at",
  "acknowledged_at",
  "resolved_at",
]);

/**
 * An imported time keeps the original's microseconds as a fraction of a ms, which SQLite's INTEGER column
 * holds; the BIGINT column keeps the whole ms (as a Date shows it), as the live path and the copy do.
 */
const wholeMs = (row: object): object =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, TIME_COLUMNS.has(k) && typeof v === "number" ? Math.floor(v) : v]));

/** `export jsonl` (streamed through a cursor) and `import` (insert-if-absent, so imports are idempotent) on PostgreSQL. */
export function interopQueriesPg(sql: Sql): Promised<ReturnType<typeof interopQueries>> {
  const insertIfAbsent = async (table: string, columns: string, row: object, conflict: string): Promise<boolean> => {
    const { placeholders, values } = columnParams(columns, wholeMs(row));
    return (await sql.run(`INSERT INTO ${table} (${columns}) VALUES (${placeholders}) ON CONFLICT (${conflict}) DO NOTHING`, values)) === 1;
  };

  return {
    iterateTraces: () => sql.stream<TraceRow>(`SELECT ${TRACE_COLUMNS} FROM traces ORDER BY started_at, id`),
    async *iterateFeedback(): AsyncIterable<FeedbackExportRow> {
      const rows = sql.stream<FeedbackRow & Omit<FeedbackExportRow, keyof FeedbackRecord>>(
        `SELECT ${FEEDBACK_COLUMNS.replace(/(^|, )/g, "$1f.")}, t.query AS trace_query, t.recommendations AS trace_recommendations
         FROM feedback f LEFT JOIN traces t ON t.trace_id = f.trace_id ORDER BY f.created_at, f.id`,
      );
      for await (const row of rows) yield { ...row, ...feedbackFromRow(row) };
    },
    feedbackDays: () =>
      sql.rows<FeedbackDayRow>(
        `SELECT model_version, created_at / 86400000 AS day, max(created_at) AS last_at, count(*)::int AS total,
           count(*) FILTER (WHERE sentiment = 'positive')::int AS positive, count(*) FILTER (WHERE sentiment = 'negative')::int AS negative,
           count(*) FILTER (WHERE sentiment = 'neutral')::int AS neutral,
           COALESCE(sum(rating) FILTER (WHERE type = 'explicit'), 0) AS rating_sum,
           count(rating) FILTER (WHERE type = 'explicit')::int AS rating_count
         FROM feedback GROUP BY model_version, day ORDER BY model_version COLLATE "C" NULLS FIRST, day`,
      ),
    iterateDriftChecks: () => sql.stream<DriftCheckRow>(`SELECT ${DRIFT_CHECK_COLUMNS} FROM drift_checks ORDER BY checked_at, id`),
    iterateDriftAlerts: () => sql.stream<AlertRow>(`SELECT ${DRIFT_ALERT_COLUMNS} FROM drift_alerts ORDER BY opened_at, id`),

    insertTraceIfAbsent: (trace: TraceRecord) => insertIfAbsent("traces", TRACE_COLUMNS, toRow(trace), "trace_id"),
    insertFeedbackIfAbsent: (row: FeedbackRecord) => insertIfAbsent("feedback", FEEDBACK_COLUMNS, feedbackToRow(row), "feedback_id"),
    // Drift checks have no natural key: absent means no check at that time for that model and baseline.
    async insertDriftCheckIfAbsent(row: DriftCheckRow): Promise<boolean> {
      const { values } = columnParams(DRIFT_CHECK_COLUMNS, wholeMs(row));
      const inserted = await sql.run(
        `INSERT INTO drift_checks (${DRIFT_CHECK_COLUMNS}) SELECT $1::bigint, $2::bigint, $3::bigint, $4::text, $5::text, $6::float8, $7::text, $8::text
         WHERE NOT EXISTS (SELECT 1 FROM drift_checks WHERE checked_at = $1 AND model_version IS NOT DISTINCT FROM $5 AND baseline = $4)`,
        values,
      );
      return inserted === 1;
    },
    insertDriftAlertIfAbsent: (row: AlertRow) => insertIfAbsent("drift_alerts", DRIFT_ALERT_COLUMNS, row, "alert_id"),
    async fillTraceQuery(traceId: string, query: string, recommendations: string[]): Promise<void> {
      if (query) await sql.run("UPDATE traces SET query = $1 WHERE trace_id = $2 AND query = ''", [query, traceId]);
      if (recommendations.length > 0) {
        await sql.run("UPDATE traces SET recommendations = $1 WHERE trace_id = $2 AND recommendations = '[]'", [
          JSON.stringify(recommendations),
          traceId,
        ]);
      }
    },
  };
}
