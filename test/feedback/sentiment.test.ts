import { describe, expect, it } from "vitest";
import { loadCommentScorer } from "../../src/feedback/comment-score.js";
import { explicitSentiment, implicitSentiment } from "../../src/feedback/sentiment.js";

describe("explicit sentiment", () => {
  it.each([
    [5, "positive"],
    [4, "positive"],
    [3, "neutral"],
    [2, "negative"],
    [1, "negative"],
  ] as const)("rating %i alone is %s", (rating, expected) => {
    expect(explicitSentiment(rating)).toBe(expected);
  });

  it("lets a clear comment decide a 3", () => {
    expect(explicitSentiment(3, 4)).toBe("positive");
    expect(explicitSentiment(3, -3)).toBe("negative");
    expect(explicitSentiment(3, 1)).toBe("neutral");
  });

  it("turns a rating contradicted by a strong comment into neutral", () => {
    expect(explicitSentiment(5, -4)).toBe("neutral");
    expect(explicitSentiment(1, 5)).toBe("neutral");
    expect(explicitSentiment(5, -2)).toBe("positive");
  });

  it("uses thumbs only to break a neutral 3", () => {
    expect(explicitSentiment(3, null, "up")).toBe("positive");
    expect(explicitSentiment(3, null, "down")).toBe("negative");
    expect(explicitSentiment(2, null, "up")).toBe("negative");
  });
});

describe("implicit sentiment", () => {
  it.each([
    ["accept", "positive"],
    ["click", "positive"],
    ["share", "positive"],
    ["re_query", "negative"],
    ["skip", "negative"],
    ["modify", "neutral"],
  ] as const)("%s is %s", (signal, expected) => {
    expect(implicitSentiment(signal)).toBe(expected);
  });
});

describe("comment scorer (sentiment lexicon)", () => {
  it("scores praise above zero and complaints below", async () => {
    const score = await loadCommentScorer();
    expect(score("Loved it, exactly what I needed, great pick")).toBeGreaterThan(2);
    expect(score("Awful, disappointing and boring")).toBeLessThan(-2);
    expect(explicitSentiment(3, score("honestly great, loved the soup"))).toBe("positive");
  });
});
