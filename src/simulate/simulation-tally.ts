import type { FeedbackRecord } from "../records/feedback.js";
import type { TraceRecord } from "../records/trace.js";
import type { Era } from "./drift-shift.js";

// A type alias (not an interface) so it can be summed as a Record<string, number>.
export type FeedbackCounts = {
  total: number;
  explicit: number;
  implicit: number;
  positive: number;
  neutral: number;
  negative: number;
};

/** What one simulated day stored, counted from the real traces and feedback rows. */
export interface DayTally {
  day: number;
  /** YYYY-MM-DD (UTC) the day's 24 hours start on. */
  date: string;
  /** ISO 8601 UTC: the day's 24 hours start here (history ends at the current time, not at midnight). */
  start: string;
  era: Era;
  queries: number;
  errors: number;
  decisions: Record<string, number>;
  /** Failed llm_call spans by reason (timeout, http_5xx, circuit_open, ...). */
  llm_failures: Record<string, number>;
  feedback: FeedbackCounts;
}

export const emptyFeedbackCounts = (): FeedbackCounts => ({ total: 0, explicit: 0, implicit: 0, positive: 0, neutral: 0, negative: 0 });

export function newDayTally(day: number, start: number, era: Era): DayTally {
  return {
    day,
    date: new Date(start).toISOString().slice(0, 10),
    start: new Date(start).toISOString(),
    era,
    queries: 0,
    errors: 0,
    decisions: {},
    llm_failures: {},
    feedback: emptyFeedbackCounts(),
  };
}

export function tallyTrace(tally: DayTally, trace: TraceRecord): void {
  tally.queries++;
  if (trace.status !== "ok") tally.errors++;
  else if (trace.final_decision) bump(tally.decisions, trace.final_decision);
  const llm = trace.spans.find((s) => s.name === "llm_call");
  if (llm && llm.status === "error")
    bump(tally.llm_failures, String(llm.attributes["moodfood.llm.reason"] ?? llm.attributes["error.type"] ?? "unknown"));
}

export function tallyFeedback(counts: FeedbackCounts, record: FeedbackRecord): void {
  counts.total++;
  counts[record.type]++;
  counts[record.sentiment]++;
}

/** Adds every count of `from` into `into` (totals over days). */
export function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
