import { isoTime } from "../config/timestamps.js";
import { parseCorrection } from "../feedback/validate-feedback.js";
import { type FeedbackRecord, IMPLICIT_SIGNALS, type ImplicitSignal, type Thumbs } from "../records/feedback.js";
import type { FeedbackExportRow } from "../store/interop-queries.js";
import {
  extraOf,
  extraOr,
  isNumber,
  isStringOrNull,
  type JsonObject,
  LineError,
  oneOf,
  optionalNumber,
  optionalString,
  requiredString,
  requiredTime,
  stringList,
} from "./line-fields.js";
import type { OriginalFeedback } from "./original-layout.js";
import { toOriginalTraceId, toStoreTraceId } from "./trace-ids.js";

/** How the original stored an implicit signal in `feedback_text`. */
const SIGNAL_TEXT = /^Implicit signal: (.+)$/;

/** One user_feedback.jsonl line; query and recommendations come from the trace, our row rides under `moodfood`. */
export function feedbackToLine(row: FeedbackExportRow): OriginalFeedback {
  const { trace_query, trace_recommendations, ...record } = row;
  return {
    feedback_id: record.feedback_id,
    timestamp: isoTime(record.created_at),
    trace_id: toOriginalTraceId(record.trace_id),
    model_version: record.model_version,
    feedback_type: record.type,
    sentiment: record.sentiment,
    query: trace_query ?? "",
    recommendations: trace_recommendations ? (JSON.parse(trace_recommendations) as string[]) : [],
    user_rating: record.rating,
    feedback_text: record.type === "implicit" && record.signal ? `Implicit signal: ${record.signal}` : record.comment,
    session_id: record.session_id,
    user_id: record.user_id,
    moodfood: record,
  };
}

export interface ImportedFeedback {
  record: FeedbackRecord;
  /** The original kept these on the feedback; we keep them on the trace. */
  query: string;
  recommendations: string[];
}

export function lineToFeedback(line: JsonObject): ImportedFeedback {
  const extra = extraOf(line);
  const type = oneOf(line, "feedback_type", ["explicit", "implicit"] as const);
  const text = optionalString(line, "feedback_text");
  const textSignal = type === "implicit" && text ? SIGNAL_TEXT.exec(text)?.[1] : undefined;
  const rating = optionalNumber(line, "user_rating");
  if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 5))
    throw new LineError(`"user_rating" must be a whole number from 1 to 5 or null, got ${rating}`);
  if (type === "explicit" && rating === null) throw new LineError(`explicit feedback needs a "user_rating" from 1 to 5`);
  const signal = type === "implicit" ? implicitSignal(extra.signal ?? textSignal) : null;
  const record: FeedbackRecord = {
    feedback_id: requiredString(line, "feedback_id"),
    trace_id: extraOr(
      extra,
      "trace_id",
      (v): v is string => typeof v === "string" && /^[0-9a-f]{32}$/.test(v),
      () => toStoreTraceId(requiredString(line, "trace_id")),
    ),
    created_at: extraOr(extra, "created_at", isNumber, () => requiredTime(line, "timestamp")),
    type,
    rating: type === "explicit" ? rating : null,
    thumbs: extraOr(
      extra,
      "thumbs",
      (v): v is Thumbs | null => v === null || v === "up" || v === "down",
      () => null,
    ),
    // Free text of the original that is not the signal marker is kept as the comment.
    comment: extraOr(extra, "comment", isStringOrNull, () => (textSignal ? null : text)),
    signal,
    sentiment: oneOf(line, "sentiment", ["positive", "negative", "neutral"] as const),
    labels: type === "explicit" ? correction(extra.labels) : null,
    model_version: optionalString(line, "model_version"),
    user_id: optionalString(line, "user_id"),
    session_id: optionalString(line, "session_id"),
  };
  return { record, query: optionalString(line, "query") ?? "", recommendations: stringList(line, "recommendations") };
}

function implicitSignal(value: unknown): ImplicitSignal {
  if (typeof value === "string" && (IMPLICIT_SIGNALS as readonly string[]).includes(value)) return value as ImplicitSignal;
  throw new LineError(
    `implicit feedback needs a signal (${IMPLICIT_SIGNALS.join(", ")}) as feedback_text "Implicit signal: <signal>", got ${JSON.stringify(value) ?? "none"}`,
  );
}

/** Our correction labels ride under `moodfood.labels`; they are validated like live input. */
function correction(value: unknown): string[] | null {
  try {
    return parseCorrection(value);
  } catch (error) {
    throw new LineError(`"moodfood.labels" ${error instanceof Error ? error.message : String(error)}`);
  }
}
