/** AFINN score of a comment (sum of word scores; > 0 positive, < 0 negative). */
export type CommentScorer = (comment: string) => number;

let cached: CommentScorer | undefined;

/** Loads the `sentiment` lexicon only when a comment has to be scored. */
export async function loadCommentScorer(): Promise<CommentScorer> {
  if (cached) return cached;
  const { default: Sentiment } = await import("sentiment");
  const analyzer = new Sentiment();
  cached = (comment) => analyzer.analyze(comment).score;
  return cached;
}
