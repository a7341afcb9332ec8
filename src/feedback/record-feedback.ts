import type { ExplicitFeedbackInput, FeedbackRecord, ImplicitFeedbackInput, TraceRef } from "../records/feedback.js";
import type { Store } from "../store/store.js";
import { findTrace } from "../tracing/find-trace.js";
import { explicitFeedbackRecord, implicitFeedbackRecord } from "./build-feedback.js";
import { loadCommentScorer } from "./comment-score.js";
import { feedbackCounter } from "./feedback-rollup.js";
import { cleanComment } from "./validate-feedback.js";

/** Validates explicit feedback against its trace (full id or unique prefix) and builds the row; nothing is written. */
export async function buildExplicitFeedback(store: Store, input: ExplicitFeedbackInput, now: number): Promise<FeedbackRecord> {
  const scorer = cleanComment(input.comment) !== null ? await loadCommentScorer() : undefined;
  // Input first: a bad rating is a usage error whether or not the trace exists.
  explicitFeedbackRecord(PLACEHOLDER_TRACE, input, now, scorer);
  return explicitFeedbackRecord(existingTrace(store, input.traceId), input, now, scorer);
}

export function buildImplicitFeedback(store: Store, input: ImplicitFeedbackInput, now: number): FeedbackRecord {
  implicitFeedbackRecord(PLACEHOLDER_TRACE, input, now);
  return implicitFeedbackRecord(existingTrace(store, input.traceId), input, now);
}

/** Stores a rating (and optional thumbs, comment, correction) for an existing trace; returns the stored row. */
export async function recordExplicitFeedback(store: Store, input: ExplicitFeedbackInput, now: number): Promise<FeedbackRecord> {
  const record = await buildExplicitFeedback(store, input, now);
  storeFeedback(store, [record]);
  return record;
}

/** Stores an implicit signal (accept, click, share, re_query, skip, modify) for an existing trace. */
export function recordImplicitFeedback(store: Store, input: ImplicitFeedbackInput, now: number): FeedbackRecord {
  const record = buildImplicitFeedback(store, input, now);
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

const PLACEHOLDER_TRACE: TraceRef = { trace_id: "", model_version: null, user_id: null, session_id: null };

function existingTrace(store: Store, traceId: unknown): TraceRef {
  return findTrace(store, typeof traceId === "string" ? traceId : String(traceId));
}
