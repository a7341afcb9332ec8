import type { FeedbackRecord } from "../records/feedback.js";
import type { Db } from "./open-store.js";

const COLUMNS = "feedback_id, trace_id, created_at, type, rating, thumbs, comment, signal, sentiment, model_version, user_id, session_id";
const PLACEHOLDERS = COLUMNS.split(", ")
  .map((c) => `@${c}`)
  .join(", ");

/** Prepared statements for the feedback table; rollups are applied by the caller in the same transaction. */
export function feedbackQueries(db: Db) {
  const insert = db.prepare(`INSERT INTO feedback (${COLUMNS}) VALUES (${PLACEHOLDERS})`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE feedback_id = ?`);
  const byTrace = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE trace_id = ? ORDER BY created_at, id`);
  const inRange = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id`);

  return {
    insert(record: FeedbackRecord): void {
      insert.run(record);
    },
    get(feedbackId: string): FeedbackRecord | undefined {
      return byId.get(feedbackId) as FeedbackRecord | undefined;
    },
    forTrace(traceId: string): FeedbackRecord[] {
      return byTrace.all(traceId) as FeedbackRecord[];
    },
    /** Feedback created in [since, until), oldest first. */
    between(since: number, until: number): FeedbackRecord[] {
      return inRange.all(since, until) as FeedbackRecord[];
    },
  };
}
