import { describe, expect, it } from "vitest";
import { extractConstraints } from "../../src/pipeline/constraints.js";
import { findNegatedLabels } from "../../src/pipeline/negation.js";
import { FOOD_EXCLUDERS, NEGATORS, PREFIX_CUES, STATE_CANCELLERS } from "../../src/pipeline/text/negators.js";

describe("the one negator list", () => {
  it("holds every word the readers negate with", () => {
    for (const word of [...FOOD_EXCLUDERS, ...STATE_CANCELLERS].filter(
      (w) => !["ex", "former", "formerly", "used", "stopped"].includes(w),
    )) {
      expect(NEGATORS.has(word), word).toBe(true);
    }
    for (const cue of PREFIX_CUES) if (cue.length === 1) expect(NEGATORS.has(cue[0] ?? ""), cue.join(" ")).toBe(true);
  });

  it("leaves a negated auxiliary to the verb after it", () => {
    expect(findNegatedLabels("I can't wait for dessert")).not.toContain("meal_dessert");
    expect(findNegatedLabels("I can't have dessert tonight")).toContain("meal_dessert");
  });

  it("reads a third person's avoidance as a negation", () => {
    expect(findNegatedLabels("she avoids spicy food")).toContain("sensory_spicy");
  });

  it("gives the parser and the constraint detector the same words", () => {
    expect(extractConstraints("I won't eat meat").diets).toEqual(["vegetarian"]);
    expect(extractConstraints("I'm not vegan").diets).toEqual([]);
  });
});
