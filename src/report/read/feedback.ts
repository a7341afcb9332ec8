import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";
import { dayIndex } from "./day-index.js";

export interface SentimentCounts {
  positive: number;
  neutral: number;
  negative: number;
}

export interface FeedbackFacts {
  total: number;
  explicit: number;
  implicit: number;
  sentiment: SentimentCounts;
  rated: number;
  rating_sum: number;
  /** Explicit feedback that named the labels that were right. */
  corrections: number;
  signals: Record<string, number>;
  perDay: (SentimentCounts & { total: number })[];
  negativeComments: { at: number; rating: number | null; comment: string; query: string | null }[];
}

const COMMENTS_SHOWN = 5;

/** Feedback created in the week, from its rows (ratings and comments are not in the rollups; the table is indexed by time). */
export async function readFeedback(store: Store, period: WeekPeriod): Promise<FeedbackFacts> {
  const facts: FeedbackFacts = {
    total: 0,
    explicit: 0,
    implicit: 0,
    sentiment: { positive: 0, neutral: 0, negative: 0 },
    rated: 0,
    rating_sum: 0,
    corrections: 0,
    signals: {},
    perDay: Array.from({ length: 7 }, () => ({ total: 0, positive: 0, neutral: 0, negative: 0 })),
    negativeComments: [],
  };
  for (const row of await store.report.feedback(period.start, period.end)) {
    facts.total++;
    if (row.type === "explicit") facts.explicit++;
    else facts.implicit++;
    const sentiment = row.sentiment as keyof SentimentCounts;
    if (sentiment in facts.sentiment) facts.sentiment[sentiment]++;
    if (row.rating !== null) {
      facts.rated++;
      facts.rating_sum += row.rating;
    }
    if (row.corrected) facts.corrections++;
    if (row.signal) facts.signals[row.signal] = (facts.signals[row.signal] ?? 0) + 1;
    const day = facts.perDay[dayIndex(period, row.created_at)];
    if (day) {
      day.total++;
      if (sentiment in day) day[sentiment]++;
    }
  }
  const comments = await store.report.negativeComments(period.start, period.end, COMMENTS_SHOWN);
  facts.negativeComments = comments.map((r) => ({ at: r.created_at, rating: r.rating, comment: r.comment, query: r.query }));
  return facts;
}
