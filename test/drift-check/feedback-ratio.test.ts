import { describe, expect, it } from "vitest";
import { feedbackAdvice } from "../../src/drift/check/signal-advice.js";
import { categoricalSignal } from "../../src/drift/check/signals.js";
import { positiveRatioCounts } from "../../src/drift/check/window-data.js";

const feedbackSignal = (before: Record<string, number>, after: Record<string, number>) => {
  const [b, a] = [positiveRatioCounts(before), positiveRatioCounts(after)];
  const total = (c: Record<string, number>) => Object.values(c).reduce((s, n) => s + n, 0);
  return categoricalSignal("feedback", b, a, 0.1, {
    units: [total(b), total(a)],
    minimum: 30,
    describe: "Feedback positive ratio",
    advice: feedbackAdvice,
  });
};

describe("the feedback drift signal is the positive ratio", () => {
  it("folds sentiments into positive and not_positive", () => {
    expect(positiveRatioCounts({ positive: 5, neutral: 2, negative: 3 })).toEqual({ positive: 5, not_positive: 5 });
    expect(positiveRatioCounts({})).toEqual({});
  });

  it("stays quiet when only a rare neutral share wobbles (a day of simulated traffic that once alerted)", () => {
    const result = feedbackSignal({ positive: 32, negative: 13, neutral: 8 }, { positive: 43, negative: 13, neutral: 0 });
    expect(result.significant).toBe(false);
    expect(["none", "low"]).toContain(result.severity);
  });

  it("alerts when far fewer answers are liked, and says so", () => {
    const result = feedbackSignal({ positive: 40, negative: 10, neutral: 10 }, { positive: 15, negative: 40, neutral: 5 });
    expect(result.significant).toBe(true);
    expect(["high", "critical"]).toContain(result.severity);
    expect(result.explanation).toMatch(/Feedback positive ratio changed: .*positive 67% → 25%/);
    expect(result.explanation).toMatch(/Users like the answers less \(positive 67% → 25%\)/);
  });
});
