import type { ImplicitSignal, Sentiment, Thumbs } from "../records/feedback.js";

// A comment has to be clearly worded to move a rating: AFINN gives single words -5..5.
const COMMENT_DECIDES_NEUTRAL = 2;
const COMMENT_CONTRADICTS_RATING = 3;

/**
 * Rating >= 4 positive, <= 2 negative, 3 neutral (DESIGN §7), refined by the comment:
 * a clear comment decides a 3, and a strongly contrary comment turns a 1-2 or 4-5 neutral (mixed).
 * Thumbs only break a tie the rating and comment leave neutral at 3.
 */
export function explicitSentiment(rating: number, commentScore: number | null = null, thumbs: Thumbs | null = null): Sentiment {
  const base: Sentiment = rating >= 4 ? "positive" : rating <= 2 ? "negative" : "neutral";
  if (commentScore !== null) {
    if (base === "neutral" && commentScore >= COMMENT_DECIDES_NEUTRAL) return "positive";
    if (base === "neutral" && commentScore <= -COMMENT_DECIDES_NEUTRAL) return "negative";
    if (base === "positive" && commentScore <= -COMMENT_CONTRADICTS_RATING) return "neutral";
    if (base === "negative" && commentScore >= COMMENT_CONTRADICTS_RATING) return "neutral";
  }
  if (base === "neutral" && thumbs) return thumbs === "up" ? "positive" : "negative";
  return base;
}

const SIGNAL_SENTIMENT: Record<ImplicitSignal, Sentiment> = {
  accept: "positive",
  click: "positive",
  share: "positive",
  re_query: "negative",
  skip: "negative",
  modify: "neutral",
};

export function implicitSentiment(signal: ImplicitSignal): Sentiment {
  return SIGNAL_SENTIMENT[signal];
}
