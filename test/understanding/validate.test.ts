import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/pipeline/taxonomy.js";
import { validateLabels } from "../../src/pipeline/validate.js";

const taxonomy = loadTaxonomy();

describe("validateLabels", () => {
  it("keeps known labels in order and drops duplicates", () => {
    expect(validateLabels(["emotion_sad", "weather_cold", "emotion_sad"], taxonomy)).toEqual({
      labels: ["emotion_sad", "weather_cold"],
      rejected: [],
    });
  });

  it("normalises case and spacing when the label is unambiguous", () => {
    expect(validateLabels(["Emotion Sad", "WEATHER-COLD", " meal late night ", "sad", "gluten free"], taxonomy).labels).toEqual([
      "emotion_sad",
      "weather_cold",
      "meal_late_night",
      "diet_gluten_free",
    ]);
  });

  it("rejects unknown labels and non-strings instead of guessing", () => {
    const result = validateLabels(["emotion_melancholy", "comfort food", 42, "", "cuisine_klingon"], taxonomy);
    expect(result.labels).toEqual([]);
    expect(result.rejected).toEqual(["emotion_melancholy", "comfort food", "42", "", "cuisine_klingon"]);
  });

  it("rejects a short name that matches labels in two categories", () => {
    const ambiguous = {
      ...taxonomy,
      labels: [...taxonomy.labels, { name: "sensory_cold", category: "sensory", description: "x", triggers: [] }],
    };
    expect(validateLabels(["cold"], ambiguous)).toEqual({ labels: [], rejected: ["cold"] });
    expect(validateLabels(["cold"], taxonomy).labels).toEqual(["weather_cold"]);
  });
});
