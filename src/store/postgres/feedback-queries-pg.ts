import type { FeedbackRecord, TraceRef } from "../../records/feedback.js";
import {
  type BufferSourceRow,
  FEEDBACK_COLUMNS,
  type FeedbackDayCounts,
  type FeedbackRow,
  feedbackFromRow,
  type feedbackQueries,
  feedbackToRow,
} from "../feedback-queries.js";
import type { Promised } from "../promised.js";
import type { Sql } from "./sql.js";

/** "$1, $2, ..." for a column list, and the row's values in that order (SQLite's @name parameters). */
export function columnParams(columns: string, row: object): { placeholders: string; values: unknown[] } {
  const names = columns.split(", ");
  const values = names.map((name) => (row as Record<string, unknown>)[name] ?? null);
  return { placeholders: names.map((_, i) => `$${i + 1}`).join(", "), values };
}

interface Halves {
  earlier_total: number;
  earlier_positive: number;
  later_total: number;
  later_positive: number;
}

/** The feedback table on PostgreSQL: SQLite's statements, with its NULL ordering and byte-wise text order kept. */
export function feedbackQueriesPg(sql: Sql): Promised<ReturnType<typeof feedbackQueries>> {
  const columns = FEEDBACK_COLUMNS;
  return {
    async insert(record: FeedbackRecord): Promise<void> {
      const { placeholders, values } = columnParams(columns, feedbackToRow(record));
      await sql.run(`INSERT INTO feedback (${columns}) VALUES (${placeholders})`, values);
    },
    async get(feedbackId: string): Promise<FeedbackRecord | undefined> {
      const row = await sql.one<FeedbackRow>(`SELECT ${columns} FROM feedback WHERE feedback_id = $1`, [feedbackId]);
      return row && feedbackFromRow(row);
    },
    async forTrace(traceId: string): Promise<FeedbackRecord[]> {
      const rows = await sql.rows<FeedbackRow>(`SELECT ${columns} FROM feedback WHERE trace_id = $1 ORDER BY created_at, id`, [traceId]);
      return rows.map(feedbackFromRow);
    },
    async between(since: number, until: number): Promise<FeedbackRecord[]> {
      const rows = await sql.rows<FeedbackRow>(
        `SELECT ${columns} FROM feedback WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id`,
        [since, until],
      );
      return rows.map(feedbackFromRow);
    },
    // Ties on started_at fall to the higher id, as SQLite's backward walk of traces_session yields them.
    previousInSession: (sessionId: string, exceptTraceId: string, since: number): Promise<TraceRef | undefined> =>
      sql.one<TraceRef>(
        `SELECT trace_id, model_version, user_id, session_id FROM traces
         WHERE session_id = $1 AND started_at >= $2 AND trace_id != $3 AND status != 'active' ORDER BY started_at DESC, id DESC LIMIT 1`,
        [sessionId, since, exceptTraceId],
      ),
    async hasSignal(traceId: string, signal: string): Promise<boolean> {
      return (await sql.one("SELECT 1 FROM feedback WHERE trace_id = $1 AND signal = $2 LIMIT 1", [traceId, signal])) !== undefined;
    },
    dayCounts: (since: number, until: number): Promise<FeedbackDayCounts[]> =>
      sql.rows<FeedbackDayCounts>(
        `SELECT model_version, created_at / 86400000 AS day, count(*)::int AS total,
           count(*) FILTER (WHERE sentiment = 'positive')::int AS positive, count(*) FILTER (WHERE sentiment = 'negative')::int AS negative,
           count(*) FILTER (WHERE sentiment = 'neutral')::int AS neutral, COALESCE(sum(rating), 0) AS rating_sum, count(rating)::int AS rating_count
         FROM feedback WHERE created_at >= $1 AND created_at < $2
         GROUP BY model_version, day ORDER BY day, model_version COLLATE "C" NULLS FIRST`,
        [since, until],
      ),
    async windowCounts(since: number, mid: number, until: number, modelVersion?: string | null) {
      const r = (await sql.one<Halves>(
        `SELECT count(*) FILTER (WHERE created_at < $2)::int AS earlier_total,
           count(*) FILTER (WHERE created_at < $2 AND sentiment = 'positive')::int AS earlier_positive,
           count(*) FILTER (WHERE created_at >= $2)::int AS later_total,
           count(*) FILTER (WHERE created_at >= $2 AND sentiment = 'positive')::int AS later_positive
         FROM feedback WHERE created_at >= $1 AND created_at < $3 AND ($4::boolean OR model_version IS NOT DISTINCT FROM $5::text)`,
        [since, mid, until, modelVersion === undefined, modelVersion ?? null],
      )) as Halves;
      return {
        earlier: { total: r.earlier_total, positive: r.earlier_positive },
        later: { total: r.later_total, positive: r.later_positive },
      };
    },
    bufferSource: (): Promise<BufferSourceRow[]> =>
      sql.rows<BufferSourceRow>(
        `SELECT f.feedback_id, f.trace_id, f.created_at, f.type, f.rating, f.signal, f.sentiment, f.labels, f.user_id, f.session_id,
           t.query AS query, t.labels AS trace_labels, t.status AS trace_status
         FROM feedback f JOIN traces t ON t.trace_id = f.trace_id
         WHERE f.sentiment = 'positive' OR f.labels IS NOT NULL ORDER BY f.created_at, f.id`,
      ),
    // Chunks of 5000, each its own statement, so a large sweep never holds one long transaction.
    async deleteOrphans(): Promise<number> {
      let total = 0;
      for (;;) {
        const changes = await sql.run(
          `DELETE FROM feedback WHERE id IN (
             SELECT f.id FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM traces t WHERE t.trace_id = f.trace_id) LIMIT 5000)`,
        );
        total += changes;
        if (changes === 0) return total;
      }
    },
    async countOrphans(): Promise<number> {
      const row = await sql.one<{ n: number }>(
        "SELECT count(*)::int AS n FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM traces t WHERE t.trace_id = f.trace_id)",
      );
      return row?.n ?? 0;
    },
    async count(): Promise<number> {
      return (await sql.one<{ n: number }>("SELECT count(*)::int AS n FROM feedback"))?.n ?? 0;
    },
  };
}
