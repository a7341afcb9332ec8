import type { FeedbackRecord } from "../records/feedback.js";
import type { Store } from "../store/store.js";
import { implicitFeedbackRecord } from "./build-feedback.js";
import { storeFeedback } from "./record-feedback.js";

/**
 * Implicit feedback the tool sees by itself: a query in the same session within `windowMs` of the session's
 * previous query means that answer did not satisfy, so the previous trace gets one `re_query` (never twice).
 */
export async function reQueryFeedback(
  store: Store,
  query: { traceId: string; sessionId: string },
  now: number,
  windowMs: number,
): Promise<FeedbackRecord | undefined> {
  const previous = await store.feedback.previousInSession(query.sessionId, query.traceId, now - windowMs);
  if (!previous || (await store.feedback.hasSignal(previous.trace_id, "re_query"))) return undefined;
  return implicitFeedbackRecord(previous, { signal: "re_query" }, now);
}

/** Finds and stores the re_query in one go (the caller picks blocking or yielding writes). */
export async function recordReQuery(
  store: Store,
  query: { traceId: string; sessionId: string },
  now: number,
  windowMs: number,
): Promise<FeedbackRecord | undefined> {
  const record = await reQueryFeedback(store, query, now, windowMs);
  if (record) await storeFeedback(store, [record]);
  return record;
}
