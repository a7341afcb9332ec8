import type { ExplicitFeedbackInput, ImplicitFeedbackInput } from "../../records/feedback.js";
import { badRequest } from "../http-error.js";

const EXPLICIT_FIELDS = ["trace_id", "rating", "thumbs", "comment", "labels"];
const IMPLICIT_FIELDS = ["trace_id", "signal"];

function fieldsOf(body: unknown, allowed: readonly string[], example: string): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw badRequest("invalid_body", `The body must be a JSON object like ${example}.`);
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw badRequest("unknown_field", `Unknown field ${JSON.stringify(unknown)}; allowed: ${allowed.join(", ")}.`);
  if (typeof fields.trace_id !== "string") throw badRequest("invalid_trace_id", '"trace_id" is required and must be a string.');
  return fields;
}

/** `{"trace_id", "rating", "thumbs"?, "comment"?, "labels"?}`; the values themselves are checked like CLI input. */
export function parseExplicitBody(body: unknown): ExplicitFeedbackInput {
  const f = fieldsOf(body, EXPLICIT_FIELDS, '{"trace_id": "4bf92f...", "rating": 5}');
  if (typeof f.rating !== "number")
    throw badRequest("invalid_rating", `Rating ${JSON.stringify(f.rating) ?? "missing"} is invalid: give a whole number from 1 to 5.`);
  return {
    traceId: f.trace_id as string,
    rating: f.rating,
    thumbs: f.thumbs as string | null | undefined,
    comment: f.comment as string | null | undefined,
    labels: f.labels as string[] | null | undefined,
  };
}

/** `{"trace_id", "signal"}`. */
export function parseImplicitBody(body: unknown): ImplicitFeedbackInput {
  const f = fieldsOf(body, IMPLICIT_FIELDS, '{"trace_id": "4bf92f...", "signal": "accept"}');
  return { traceId: f.trace_id as string, signal: f.signal as string };
}
