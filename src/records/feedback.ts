// Feedback records (DESIGN §7). Times are epoch ms inside; ISO at the edges.

export type FeedbackType = "explicit" | "implicit";
export type Sentiment = "positive" | "negative" | "neutral";
export type Thumbs = "up" | "down";

export const IMPLICIT_SIGNALS = ["re_query", "skip", "accept", "modify", "click", "share"] as const;
export type ImplicitSignal = (typeof IMPLICIT_SIGNALS)[number];

/** One stored feedback row, explicit (rating) or implicit (signal). */
export interface FeedbackRecord {
  feedback_id: string;
  trace_id: string;
  created_at: number;
  type: FeedbackType;
  /** 1-5 for explicit feedback, null for implicit. */
  rating: number | null;
  thumbs: Thumbs | null;
  comment: string | null;
  signal: ImplicitSignal | null;
  sentiment: Sentiment;
  /** A correction: the taxonomy labels the person says were right (explicit feedback only), else null. */
  labels: string[] | null;
  model_version: string | null;
  user_id: string | null;
  session_id: string | null;
}

export interface ExplicitFeedbackInput {
  traceId: string;
  /** An integer 1-5; a string of digits (argv, form fields) is accepted too. */
  rating: number | string;
  thumbs?: string | null;
  comment?: string | null;
  /** A correction (taxonomy labels); an unknown label is a usage error. */
  labels?: readonly string[] | string | null;
  userId?: string | null;
  sessionId?: string | null;
}

export interface ImplicitFeedbackInput {
  traceId: string;
  signal: string;
  userId?: string | null;
  sessionId?: string | null;
}

/** What feedback takes from the trace it is about. */
export interface TraceRef {
  trace_id: string;
  model_version: string | null;
  user_id: string | null;
  session_id: string | null;
}
