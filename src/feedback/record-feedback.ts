import { UserError } from "../errors.js";
import type { ExplicitFeedbackInput, FeedbackRecord, ImplicitFeedbackInput, TraceRef } from "../records/feedback.js";
import type { Store } from "../store/store.js";
import { explicitFeedbackRecord, implicitFeedbackRecord } from "./build-feedback.js";
import { loadCommentScorer } from "./comment-score.js";
import { feedbackCounter } from "./feedback-rollup.js";
import { cleanComment } from "./validate-feedback.js";

/** Stores a rating (and optional thumbs/comment) for an existing trace; returns the stored row. */
export async function recordExplicitFeedback(store: Store, input: ExplicitFeedbackInput, now: number): Promise<FeedbackRecord> {
  const trace = existingTrace(store, input.traceId);
  const scorer = cleanComment(input.comment) !== null ? await loadCommentScorer() : undefined;
  const record = explicitFeedbackRecord(trace, input, now, scorer);
  storeFeedback(store, [record]);
  return record;
}

/** Stores an implicit signal (accept, click, share, re_query, skip, modify) for an existing trace. */
export function recordImplicitFeedback(store: Store, input: ImplicitFeedbackInput, now: number): FeedbackRecord {
  const trace = existingTrace(store, input.traceId);
  const record = implicitFeedbackRecord(trace, input, now);
  storeFeedback(store, [record]);
  return record;
}

/** One transaction: each row with its feedback counter rollup, so metrics never disagree with rows. */
export function storeFeedback(store: Store, records: readonly FeedbackRecord[]): void {
  if (records.length === 0) return;
  store.transaction(() => {
    for (const record of records) {
      store.feedback.insert(record);
      store.rollups.apply([feedbackCounter(record)], [], record.created_at);
    }
  });
}

function existingTrace(store: Store, traceId: string): TraceRef {
  const trace = typeof traceId === "string" ? store.traces.get(traceId.trim().toLowerCase()) : undefined;
  if (!trace)
    throw new UserError("unknown_trace", `No trace with id ${JSON.stringify(traceId)}; copy a full id from \`moodfood trace list\`.`);
  return trace;
}
