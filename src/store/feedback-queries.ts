import type { FeedbackRecord, TraceRef } from "../records/feedback.js";
import type { Db } from "./open-store.js";

export const FEEDBACK_COLUMNS =
  "feedback_id, trace_id, created_at, type, rating, thumbs, comment, signal, sentiment, labels, model_version, user_id, session_id";
const PLACEHOLDERS = FEEDBACK_COLUMNS.split(", ")
  .map((c) => `@${c}`)
  .join(", ");

export type FeedbackRow = Omit<FeedbackRecord, "labels"> & { labels: string | null };

/** Corrections are stored as a JSON array (null when the feedback corrects nothing). */
export const feedbackToRow = (record: FeedbackRecord): FeedbackRow => ({
  ...record,
  labels: record.labels === null ? null : JSON.stringify(record.labels),
});
export const feedbackFromRow = (row: FeedbackRow): FeedbackRecord => ({
  ...row,
  labels: row.labels === null ? null : (JSON.parse(row.labels) as string[]),
});

/** Counts of one model version on one UTC day (the summary's rows). */
export interface FeedbackDayCounts {
  model_version: string | null;
  day: number;
  total: number;
  positive: number;
  negative: number;
  neutral: number;
  rating_sum: number;
  rating_count: number;
}

/** A feedback row with what the retraining buffer needs from its trace. */
export interface BufferSourceRow {
  feedback_id: string;
  trace_id: string;
  created_at: number;
  type: FeedbackRecord["type"];
  rating: number | null;
  signal: string | null;
  sentiment: FeedbackRecord["sentiment"];
  labels: string | null;
  user_id: string | null;
  session_id: string | null;
  query: string;
  trace_labels: string;
  trace_status: string;
}

/** Prepared statements for the feedback table; rollups are applied by the caller in the same transaction. */
export function feedbackQueries(db: Db) {
  const insert = db.prepare(`INSERT INTO feedback (${FEEDBACK_COLUMNS}) VALUES (${PLACEHOLDERS})`);
  const byId = db.prepare(`SELECT ${FEEDBACK_COLUMNS} FROM feedback WHERE feedback_id = ?`);
  const byTrace = db.prepare(`SELECT ${FEEDBACK_COLUMNS} FROM feedback WHERE trace_id = ? ORDER BY created_at, id`);
  const inRange = db.prepare(`SELECT ${FEEDBACK_COLUMNS} FROM feedback WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id`);
  // The session index (traces_session) makes this a short range scan.
  const previousInSession = db.prepare(
    `SELECT trace_id, model_version, user_id, session_id FROM traces
     WHERE session_id = ? AND started_at >= ? AND trace_id != ? AND status != 'active' ORDER BY started_at DESC LIMIT 1`,
  );
  const hasSignal = db.prepare("SELECT 1 FROM feedback WHERE trace_id = ? AND signal = ? LIMIT 1");
  const days = db.prepare(
    `SELECT model_version, created_at / 86400000 AS day, COUNT(*) AS total,
       SUM(sentiment = 'positive') AS positive, SUM(sentiment = 'negative') AS negative, SUM(sentiment = 'neutral') AS neutral,
       COALESCE(SUM(rating), 0) AS rating_sum, COUNT(rating) AS rating_count
     FROM feedback WHERE created_at >= ? AND created_at < ? GROUP BY model_version, day ORDER BY day, model_version`,
  );
  const halves = db.prepare(
    `SELECT COALESCE(SUM(created_at < @mid), 0) AS earlier_total, COALESCE(SUM(created_at < @mid AND sentiment = 'positive'), 0) AS earlier_positive,
       COALESCE(SUM(created_at >= @mid), 0) AS later_total, COALESCE(SUM(created_at >= @mid AND sentiment = 'positive'), 0) AS later_positive
     FROM feedback WHERE created_at >= @since AND created_at < @until AND (@all = 1 OR model_version IS @model)`,
  );
  // Only feedback that can become a training example: positive, or carrying a correction.
  const bufferSource = db.prepare(
    `SELECT f.feedback_id, f.trace_id, f.created_at, f.type, f.rating, f.signal, f.sentiment, f.labels, f.user_id, f.session_id,
       t.query AS query, t.labels AS trace_labels, t.status AS trace_status
     FROM feedback f JOIN traces t ON t.trace_id = f.trace_id
     WHERE f.sentiment = 'positive' OR f.labels IS NOT NULL ORDER BY f.created_at, f.id`,
  );
  const deleteOrphans = db.prepare(
    "DELETE FROM feedback WHERE id IN (SELECT f.id FROM feedback f LEFT JOIN traces t ON t.trace_id = f.trace_id WHERE t.id IS NULL LIMIT 5000)",
  );
  const countOrphans = db.prepare("SELECT count(*) AS n FROM feedback f LEFT JOIN traces t ON t.trace_id = f.trace_id WHERE t.id IS NULL");
  const count = db.prepare("SELECT count(*) AS n FROM feedback");

  return {
    insert(record: FeedbackRecord): void {
      insert.run(feedbackToRow(record));
    },
    get(feedbackId: string): FeedbackRecord | undefined {
      const row = byId.get(feedbackId) as FeedbackRow | undefined;
      return row && feedbackFromRow(row);
    },
    forTrace(traceId: string): FeedbackRecord[] {
      return (byTrace.all(traceId) as FeedbackRow[]).map(feedbackFromRow);
    },
    /** Feedback created in [since, until), oldest first. */
    between(since: number, until: number): FeedbackRecord[] {
      return (inRange.all(since, until) as FeedbackRow[]).map(feedbackFromRow);
    },
    /** The latest finished trace of a session that started at or after `since`, other than `exceptTraceId`. */
    previousInSession(sessionId: string, exceptTraceId: string, since: number): TraceRef | undefined {
      return previousInSession.get(sessionId, since, exceptTraceId) as TraceRef | undefined;
    },
    /** True when the trace already has feedback with this implicit signal. */
    hasSignal(traceId: string, signal: string): boolean {
      return hasSignal.get(traceId, signal) !== undefined;
    },
    /** Counts per model version and UTC day of feedback created in [since, until). */
    dayCounts(since: number, until: number): FeedbackDayCounts[] {
      return days.all(since, until) as FeedbackDayCounts[];
    },
    /** Totals of the two windows [since, mid) and [mid, until), of one model version or all. */
    windowCounts(since: number, mid: number, until: number, modelVersion?: string | null) {
      const r = halves.get({ since, mid, until, all: modelVersion === undefined ? 1 : 0, model: modelVersion ?? null }) as {
        earlier_total: number;
        earlier_positive: number;
        later_total: number;
        later_positive: number;
      };
      return {
        earlier: { total: r.earlier_total, positive: r.earlier_positive },
        later: { total: r.later_total, positive: r.later_positive },
      };
    },
    /** Positive feedback and corrections, with their trace's query and labels, oldest first. */
    bufferSource(): BufferSourceRow[] {
      return bufferSource.all() as BufferSourceRow[];
    },
    /** Deletes feedback whose trace is gone (in chunks); returns how many. */
    deleteOrphans(): number {
      let total = 0;
      for (;;) {
        const { changes } = db.transaction(() => deleteOrphans.run()).immediate();
        total += changes;
        if (changes === 0) return total;
      }
    },
    countOrphans(): number {
      return (countOrphans.get() as { n: number }).n;
    },
    count(): number {
      return (count.get() as { n: number }).n;
    },
  };
}
