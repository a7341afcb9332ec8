import { describe, expect, it } from "vitest";
import { explicitSentiment } from "../../src/feedback/sentiment.js";
import type { PlannedQuery } from "../../src/simulate/day-plan.js";
import { createRng } from "../../src/simulate/prng.js";
import { answerQuality, type SeenAnswer, simulateFeedback } from "../../src/simulate/simulated-feedback.js";

const AT = Date.UTC(2025, 2, 3, 12);
const query: PlannedQuery = {
  at: AT,
  day: 1,
  situationId: "flu",
  text: "home with the flu",
  intended: ["health_sick", "goal_comfort"],
  userId: "u",
  sessionId: "s",
};
const trace = { trace_id: "ab".repeat(16), model_version: "m1", user_id: "u", session_id: "s" };
const answer = (labels: string[], decision: string | null): SeenAnswer => ({ trace, labels, decision });
const scoreComment = (text: string) =>
  /perfect|love|great|brilliant|good|nice/.test(text) ? 3 : /terrible|awful|bad|hate|boring|disappointing/.test(text) ? -3 : 0;

function sentiments(seen: SeenAnswer, n = 2_000) {
  const rng = createRng("fb");
  const counts = { positive: 0, neutral: 0, negative: 0, none: 0 };
  for (let i = 0; i < n; i++) {
    const record = simulateFeedback(query, seen, { rate: 0.5, now: AT + 86_400_000, scoreComment }, rng);
    counts[record ? record.sentiment : "none"]++;
  }
  return counts;
}

describe("simulated feedback", () => {
  it("scores an answer by the intended primary mood and coverage", () => {
    expect(answerQuality(query.intended, answer(["health_sick", "goal_comfort"], "ml_validated"))).toBe(1);
    expect(answerQuality(query.intended, answer(["goal_comfort"], "llm_fallback"))).toBe(0.25);
    expect(answerQuality(query.intended, answer(["health_sick", "goal_comfort"], "default_fallback"))).toBe(0.5);
    expect(answerQuality(query.intended, answer([], null))).toBe(0);
  });

  it("gives feedback on about the asked share of traces", () => {
    const counts = sentiments(answer(["health_sick"], "ml_validated"));
    expect(counts.none / 2_000).toBeGreaterThan(0.45);
    expect(counts.none / 2_000).toBeLessThan(0.55);
  });

  it("is mostly positive for a good answer and mostly negative for a bad one", () => {
    const good = sentiments(answer(["health_sick", "goal_comfort"], "ml_validated"));
    const bad = sentiments(answer(["emotion_happy"], "llm_fallback"));
    expect(good.positive).toBeGreaterThan(4 * good.negative);
    expect(bad.negative).toBeGreaterThan(4 * bad.positive);
  });

  it("builds valid records whose sentiment follows the rating rules, after the query and before now", () => {
    const rng = createRng("records");
    for (let i = 0; i < 500; i++) {
      const r = simulateFeedback(query, answer(["health_sick"], "llm_fallback"), { rate: 1, now: AT + 600_000, scoreComment }, rng);
      if (!r) throw new Error("rate 1 always gives feedback");
      expect(r.created_at).toBeGreaterThan(AT);
      expect(r.created_at).toBeLessThan(AT + 600_000);
      expect(r.trace_id).toBe(trace.trace_id);
      if (r.type === "explicit")
        expect(r.sentiment).toBe(explicitSentiment(r.rating ?? 0, r.comment === null ? null : scoreComment(r.comment), r.thumbs));
      else expect(r.signal).not.toBeNull();
    }
  });
});
