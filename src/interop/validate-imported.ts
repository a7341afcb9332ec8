import { MAX_QUERY_CHARS } from "../pipeline/parse.js";
import type { FeedbackRecord } from "../records/feedback.js";
import type { TraceRecord } from "../records/trace.js";
import { LineError } from "./line-fields.js";

// An imported trace is held to what a live query could have produced (issue 16): one line with
// `started_at: 1e300` once made every listing of the store fail, and a 52 MB query was stored whole.
const EARLIEST = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
const MAX_DURATION_MS = DAY_MS;
const MAX_SHORT_TEXT = 200;
const MAX_ERROR_TEXT = 10_000;
const MAX_LIST = 100;
const MAX_SPANS = 64;

/** Throws a LineError naming the first field no live query could have produced. */
export function checkImportedTrace(trace: TraceRecord, now: number): void {
  const latest = now + DAY_MS;
  between("started_at", trace.started_at, EARLIEST, latest);
  if (trace.duration_ms !== null) between("duration_ms", trace.duration_ms, 0, MAX_DURATION_MS);
  if (trace.ended_at !== null) between("ended_at", trace.ended_at, trace.started_at, trace.started_at + MAX_DURATION_MS);
  if (trace.confidence !== null) between("confidence", trace.confidence, 0, 1);
  if (trace.query.length > MAX_QUERY_CHARS) fail(`"query" is ${trace.query.length} characters; a query holds at most ${MAX_QUERY_CHARS}`);
  for (const [field, value] of [
    ["final_decision", trace.final_decision],
    ["model_version", trace.model_version],
    ["request_id", trace.request_id],
    ["user_id", trace.user_id],
    ["session_id", trace.session_id],
  ] as const) {
    if (value !== null && value.length > MAX_SHORT_TEXT) fail(`"${field}" is longer than ${MAX_SHORT_TEXT} characters`);
  }
  if (trace.error !== null && trace.error.length > MAX_ERROR_TEXT) fail(`"error" is longer than ${MAX_ERROR_TEXT} characters`);
  shortList("labels", trace.labels);
  shortList("recommendations", trace.recommendations);
  if (trace.spans.length > MAX_SPANS) fail(`${trace.spans.length} spans; a trace has at most ${MAX_SPANS}`);
  for (const span of trace.spans) {
    between(`span ${span.name} duration_ms`, span.duration_ms, 0, MAX_DURATION_MS);
    between(`span ${span.name} start_offset_ms`, span.start_offset_ms, -MAX_DURATION_MS, MAX_DURATION_MS);
    if (span.name.length > MAX_SHORT_TEXT) fail("a span name is longer than 200 characters");
    if (span.error !== null && span.error.length > MAX_ERROR_TEXT)
      fail(`span ${span.name} error is longer than ${MAX_ERROR_TEXT} characters`);
    if (JSON.stringify(span.attributes).length > MAX_ERROR_TEXT) fail(`span ${span.name} attributes exceed ${MAX_ERROR_TEXT} characters`);
  }
}

/** The same bar for a feedback line: a time a live rating could have, texts of live lengths. */
export function checkImportedFeedback(record: FeedbackRecord, now: number): void {
  between("created_at", record.created_at, EARLIEST, now + DAY_MS);
  if (record.comment !== null && record.comment.length > MAX_ERROR_TEXT) fail(`"comment" is longer than ${MAX_ERROR_TEXT} characters`);
  for (const [field, value] of [
    ["model_version", record.model_version],
    ["user_id", record.user_id],
    ["session_id", record.session_id],
  ] as const) {
    if (value !== null && value.length > MAX_SHORT_TEXT) fail(`"${field}" is longer than ${MAX_SHORT_TEXT} characters`);
  }
}

function between(field: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) fail(`"${field}" is ${value}, outside ${describe(min)}..${describe(max)}`);
}

function shortList(field: string, list: string[]): void {
  if (list.length > MAX_LIST) fail(`"${field}" has ${list.length} items; at most ${MAX_LIST}`);
  if (list.some((item) => item.length > MAX_SHORT_TEXT)) fail(`an item of "${field}" is longer than ${MAX_SHORT_TEXT} characters`);
}

const describe = (n: number) => (n > 946_684_800_000 ? new Date(n).toISOString() : String(n));

function fail(reason: string): never {
  throw new LineError(reason);
}
