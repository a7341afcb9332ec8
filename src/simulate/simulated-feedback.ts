import { explicitFeedbackRecord, implicitFeedbackRecord } from "../feedback/build-feedback.js";
import type { CommentScorer } from "../feedback/comment-score.js";
import type { FeedbackRecord, ImplicitSignal, TraceRef } from "../records/feedback.js";
import type { PlannedQuery } from "./day-plan.js";
import { COMMENTS_BY_RATING } from "./phrase-bank/comments.js";
import { type Rng, weightedPick } from "./prng.js";

/** What the simulated user saw: the trace's labels and decision (null when the query failed). */
export interface SeenAnswer {
  trace: TraceRef;
  labels: string[];
  decision: string | null;
}

const EXPLICIT_SHARE = 0.35;
const COMMENT_RATE = 0.3;
const THUMBS_RATE = 0.3;

/** 0..1: how well the answer matched what the person meant (primary mood first, then coverage). */
export function answerQuality(intended: readonly string[], answer: SeenAnswer): number {
  if (answer.decision === null || intended.length === 0) return 0;
  const got = new Set(answer.labels);
  const covered = intended.filter((l) => got.has(l)).length / intended.length;
  const primary = intended[0] !== undefined && got.has(intended[0]) ? 1 : 0;
  const quality = 0.5 * covered + 0.5 * primary;
  // Popular picks are safe but generic: people notice the answer did not understand them.
  return answer.decision === "default_fallback" ? quality * 0.5 : quality;
}

/** Feedback a person might give on this answer, or null (most people give none). */
export function simulateFeedback(
  query: PlannedQuery,
  answer: SeenAnswer,
  options: { rate: number; now: number; scoreComment: CommentScorer },
  rng: Rng,
): FeedbackRecord | null {
  if (!rng.chance(options.rate)) return null;
  const quality = answerQuality(query.intended, answer);
  const who = { userId: query.userId, sessionId: query.sessionId };
  if (rng.chance(EXPLICIT_SHARE)) {
    const rating = Math.min(5, Math.max(1, Math.round(1.3 + 3.7 * quality + 0.7 * rng.normal()))) as 1 | 2 | 3 | 4 | 5;
    const comment = rng.chance(COMMENT_RATE) ? rng.pick(COMMENTS_BY_RATING[rating]) : null;
    const thumbs = rng.chance(THUMBS_RATE) ? (rating > 3 || (rating === 3 && rng.chance(0.5)) ? "up" : "down") : null;
    const at = Math.min(query.at + 60_000 + rng.next() * 40 * 60_000, options.now - 1);
    return explicitFeedbackRecord(answer.trace, { ...who, rating, comment, thumbs }, Math.floor(at), options.scoreComment);
  }
  const at = Math.min(query.at + 3_000 - 40_000 * Math.log(1 - rng.next()), options.now - 1);
  return implicitFeedbackRecord(answer.trace, { ...who, signal: implicitSignal(quality, rng) }, Math.floor(at));
}

const GOOD: readonly [ImplicitSignal, number][] = [
  ["accept", 0.5],
  ["click", 0.35],
  ["share", 0.1],
  ["modify", 0.05],
];
const SO_SO: readonly [ImplicitSignal, number][] = [
  ["click", 0.3],
  ["modify", 0.35],
  ["accept", 0.15],
  ["re_query", 0.2],
];
const BAD: readonly [ImplicitSignal, number][] = [
  ["re_query", 0.5],
  ["skip", 0.35],
  ["modify", 0.15],
];

function implicitSignal(quality: number, rng: Rng): ImplicitSignal {
  const table = quality >= 0.7 ? GOOD : quality >= 0.35 ? SO_SO : BAD;
  return weightedPick(rng, table, ([, w]) => w)[0];
}
