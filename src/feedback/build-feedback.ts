import { randomUUID } from "node:crypto";
import type { ExplicitFeedbackInput, FeedbackRecord, ImplicitFeedbackInput, TraceRef } from "../records/feedback.js";
import type { CommentScorer } from "./comment-score.js";
import { explicitSentiment, implicitSentiment } from "./sentiment.js";
import { cleanComment, parseCorrection, parseRating, parseSignal, parseThumbs } from "./validate-feedback.js";

/** Validates explicit feedback and builds its row; `scoreComment` is needed only when there is a comment. */
export function explicitFeedbackRecord(
  trace: TraceRef,
  input: Omit<ExplicitFeedbackInput, "traceId">,
  at: number,
  scoreComment?: CommentScorer,
): FeedbackRecord {
  const rating = parseRating(input.rating);
  const thumbs = parseThumbs(input.thumbs);
  const comment = cleanComment(input.comment);
  const labels = parseCorrection(input.labels);
  if (comment !== null && !scoreComment) throw new Error("explicitFeedbackRecord: a comment needs a scorer");
  const commentScore = comment !== null && scoreComment ? scoreComment(comment) : null;
  return {
    ...common(trace, input, at),
    type: "explicit",
    rating,
    thumbs,
    comment,
    signal: null,
    sentiment: explicitSentiment(rating, commentScore, thumbs),
    labels,
  };
}

export function implicitFeedbackRecord(trace: TraceRef, input: Omit<ImplicitFeedbackInput, "traceId">, at: number): FeedbackRecord {
  const signal = parseSignal(input.signal);
  return {
    ...common(trace, input, at),
    type: "implicit",
    rating: null,
    thumbs: null,
    comment: null,
    signal,
    sentiment: implicitSentiment(signal),
    labels: null,
  };
}

function common(trace: TraceRef, input: { userId?: string | null; sessionId?: string | null }, at: number) {
  return {
    feedback_id: randomUUID(),
    trace_id: trace.trace_id,
    created_at: at,
    model_version: trace.model_version,
    user_id: input.userId ?? trace.user_id,
    session_id: input.sessionId ?? trace.session_id,
  };
}
