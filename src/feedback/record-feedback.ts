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
  return explicitFeedbackRecord(await existingTrace(store, input.traceId), input, now, scorer);
}

export async function buildImplicitFeedback(store: Store, input: ImplicitFeedbackInput, now: number): Promise<FeedbackRecord> {
  implicitFeedbackRecord(PLACEHOLDER_TRACE, input, now);
  return implicitFeedbackRecord(await existingTrace(store, input.traceId), input, now);
}

/** Stores a rating (and optional thumbs, comment, correction) for an existing trace; returns the stored row. */
export async function recordExplicitFeedback(store: Store, input: ExplicitFeedbackInput, now: number): Promise<FeedbackRecord> {
  const record = await buildExplicitFeedback(store, input, now);
  await storeFeedback(store, [record]);
  return record;
}

/** Stores an implicit signal (accept, click, share, re_query, skip, modify) for an existing trace. */
export async function recordImplicitFeedback(store: Store, input: ImplicitFeedbackInput, now: number): Promise<FeedbackRecord> {
  const record = await buildImplicitFeedback(store, input, now);
  await storeFeedback(store, [record]);
  return record;
}

/** One transaction: each row with its feedback counter rollup, so metrics never disagree with rows. */
export async function storeFeedback(store: Store, records: readonly FeedbackRecord[]): Promise<void> {
  if (records.length === 0) return;
  await store.transaction(async () => {
    for (const record of records) {
      await store.feedback.insert(record);
      await store.rollups.apply([feedbackCounter(record)], [], record.created_at);
    }
  });
}

const PLACEHOLDER_TRACE: TraceRef = { trace_id: "", model_version: null, user_id: null, session_id: null };

function existingTrace(store: Store, traceId: unknown): Promise<TraceRef> {
  return findTrace(store, typeof traceId === "string" ? traceId : String(traceId));
}
