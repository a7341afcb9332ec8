import { describe, expect, it } from "vitest";
import { DEFAULT_MERGE_POLICY, decide } from "../../src/pipeline/decide.js";
import type { Diet, LabelScore, ParsedQuery } from "../../src/pipeline/types.js";

const parsed = (over: Partial<ParsedQuery> = {}): ParsedQuery => ({
  text: "q",
  truncated: false,
  diets: [],
  allergens: [],
  negatedLabels: [],
  ...over,
});
const ml = (scores: Record<string, number>): LabelScore[] =>
  Object.entries(scores)
    .map(([label, score]) => ({ label, score }))
    .sort((a, b) => b.score - a.score);

describe("decide", () => {
  it("ml_validated: ML is confident and agrees on the primary mood", () => {
    const result = decide({
      llm: { labels: ["emotion_sad", "weather_cold"], confidence: 0.8 },
      ml: ml({ emotion_sad: 0.9, weather_cold: 0.7, goal_comfort: 0.6, meal_lunch: 0.05 }),
      parsed: parsed(),
      threshold: 0.5,
    });
    expect(result.decision).toBe("ml_validated");
    expect(result.agreement).toBe(true);
    expect(result.labels.slice(0, 2)).toEqual(["emotion_sad", "weather_cold"]);
    expect(result.labels).toContain("goal_comfort");
    expect(result.labels).not.toContain("meal_lunch");
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it("llm_fallback: ML disagrees, the LLM labels win and lead", () => {
    const result = decide({
      llm: { labels: ["emotion_angry"], confidence: 0.7 },
      ml: ml({ emotion_happy: 0.8, emotion_angry: 0.1 }),
      parsed: parsed(),
      threshold: 0.5,
    });
    expect(result.decision).toBe("llm_fallback");
    expect(result.agreement).toBe(false);
    expect(result.labels[0]).toBe("emotion_angry");
    expect(result.confidence).toBe(0.7);
  });

  it("llm_fallback: ML is unconfident", () => {
    const result = decide({
      llm: { labels: ["meal_snack"], confidence: 0.6 },
      ml: ml({ meal_snack: 0.3 }),
      parsed: parsed(),
      threshold: 0.5,
    });
    expect(result.decision).toBe("llm_fallback");
    expect(result.labels).toEqual(["meal_snack"]);
  });

  it("ml_only: the LLM failed and ML is confident", () => {
    const result = decide({
      llm: null,
      ml: ml({ emotion_tired: 0.85, goal_energy: 0.6, meal_dinner: 0.1 }),
      parsed: parsed(),
      threshold: 0.5,
    });
    expect(result.decision).toBe("ml_only");
    expect(result.labels).toEqual(["emotion_tired", "goal_energy"]);
    expect(result.confidence).toBe(0.85);
  });

  it("default_fallback: nothing is confident", () => {
    const result = decide({ llm: null, ml: ml({ emotion_bored: 0.3, meal_snack: 0.1 }), parsed: parsed(), threshold: 0.5 });
    expect(result.decision).toBe("default_fallback");
    expect(result.labels.length).toBeLessThanOrEqual(2);
    expect(result.confidence).toBeLessThan(0.5);
  });

  it("holds an ML-only mood, health or occasion the text gave no word for to a higher bar", () => {
    const policy = { ...DEFAULT_MERGE_POLICY, mlJoinAt: 0.3, unsupportedJoinAt: 0.6 };
    const input = (mlScores: Record<string, number>, llmLabels: string[]) => ({
      llm: { labels: llmLabels, confidence: 0.8 },
      ml: ml(mlScores),
      parsed: parsed(),
      threshold: 0.5,
    });
    // "planning a party": the parser read the occasion and company, the model guesses stress.
    const planning = decide(
      input({ occasion_party: 0.8, social_family: 0.7, emotion_stressed: 0.45 }, ["occasion_party", "social_family"]),
      policy,
    );
    expect(planning.labels).not.toContain("emotion_stressed");
    // A feeling the parser did read lets the model add another one at the usual bar.
    const stressed = decide(input({ emotion_stressed: 0.8, emotion_anxious: 0.45 }, ["emotion_stressed"]), policy);
    expect(stressed.labels).toContain("emotion_anxious");
    // Context labels are not claims about the person: the usual bar.
    expect(decide(input({ occasion_party: 0.8, meal_dinner: 0.45 }, ["occasion_party"]), policy).labels).toContain("meal_dinner");
  });

  it("treats an LLM answer with no valid label like a failed call", () => {
    const confident = decide({ llm: { labels: [], confidence: 0.9 }, ml: ml({ emotion_tired: 0.9 }), parsed: parsed(), threshold: 0.5 });
    expect(confident.decision).toBe("ml_only");
    const unsure = decide({ llm: { labels: [], confidence: 0.9 }, ml: ml({ emotion_tired: 0.2 }), parsed: parsed(), threshold: 0.5 });
    expect(unsure.decision).toBe("default_fallback");
  });

  it("respects MOODFOOD_ML_THRESHOLD", () => {
    const input = { llm: null, ml: ml({ emotion_tired: 0.6 }), parsed: parsed() };
    expect(decide({ ...input, threshold: 0.5 }).decision).toBe("ml_only");
    expect(decide({ ...input, threshold: 0.7 }).decision).toBe("default_fallback");
  });

  it("never returns a negated label, from either source", () => {
    const result = decide({
      llm: { labels: ["sensory_sweet", "meal_dessert", "goal_energy"], confidence: 0.7 },
      ml: ml({ sensory_sweet: 0.9, goal_energy: 0.8 }),
      parsed: parsed({ negatedLabels: ["sensory_sweet", "meal_dessert"] }),
      threshold: 0.5,
    });
    expect(result.labels).not.toContain("sensory_sweet");
    expect(result.labels).not.toContain("meal_dessert");
    expect(result.labels[0]).toBe("goal_energy");
  });

  it("always carries the diet labels of the parsed diets", () => {
    for (const llm of [null, { labels: ["meal_breakfast"], confidence: 0.8 }]) {
      const diets: Diet[] = ["vegan", "gluten_free"];
      const result = decide({ llm, ml: ml({ meal_breakfast: 0.2 }), parsed: parsed({ diets }), threshold: 0.5 });
      expect(result.labels).toEqual(expect.arrayContaining(["diet_vegan", "diet_gluten_free"]));
    }
  });

  it("keeps the answer short: at most five non-diet labels", () => {
    const many = ml(
      Object.fromEntries(
        ["emotion_sad", "emotion_tired", "goal_comfort", "sensory_warming", "weather_cold", "meal_dinner", "social_alone"].map((l) => [
          l,
          0.9,
        ]),
      ),
    );
    const result = decide({ llm: { labels: many.map((m) => m.label), confidence: 0.9 }, ml: many, parsed: parsed(), threshold: 0.5 });
    expect(result.labels.length).toBeLessThanOrEqual(5);
  });
});
