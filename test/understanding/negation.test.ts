import { describe, expect, it } from "vitest";
import { findNegatedLabels } from "../../src/pipeline/negation.js";

describe("findNegatedLabels", () => {
  it.each([
    ["nothing spicy", ["sensory_spicy"]],
    ["not in the mood for dessert", ["meal_dessert"]],
    ["anything but sweet", ["sensory_sweet"]],
    ["skipping dessert tonight, something savoury instead", ["meal_dessert"]],
    ["no sweets", ["sensory_sweet"]],
    ["I don't want anything spicy", ["sensory_spicy"]],
    ["not feeling anything sweet, just hungry after the gym", ["sensory_sweet"]],
    ["no sweets or desserts please", ["sensory_sweet", "meal_dessert"]],
    ["spicy food is off the table", ["sensory_spicy"]],
    ["not too spicy", ["sensory_spicy"]],
    ["I'm not sad, just bored", ["emotion_sad"]],
    ["thai but keep it mild", ["sensory_spicy"]],
    ["sick of pizza", ["cuisine_italian"]],
    ["I don't want anything cold", ["sensory_refreshing"]],
    ["less spicy than last time", ["sensory_spicy"]],
    ["I'm not vegan, just want something light", ["diet_vegan"]],
    ["I'm over sweets", ["sensory_sweet"]],
    ["dessert? nah", ["meal_dessert"]],
    ["not a fan of spicy food", ["sensory_spicy"]],
    ["anything that isn't spicy", ["sensory_spicy"]],
    ["spicy is a hard no", ["sensory_spicy"]],
  ])("%s rules out %j", (text, labels) => {
    expect(findNegatedLabels(text)).toEqual(expect.arrayContaining(labels));
  });

  it.each([
    ["no time to cook", "goal_quick"],
    ["no energy left", "emotion_tired"],
    ["can't wait for the weekend", "emotion_excited"],
    ["no one to eat with", "emotion_lonely"],
    ["no dairy for me", "diet_dairy_free"],
    ["I hate being cold", "weather_cold"],
    ["no coffee, I'm jittery enough", "emotion_tired"],
    ["ready in less than 10 minutes", "goal_quick"],
    ["could do without anything fried", "emotion_stressed"],
  ])("%s is not a negation of %s", (text, label) => {
    expect(findNegatedLabels(text)).not.toContain(label);
  });

  it("stops at the end of the clause", () => {
    const negated = findNegatedLabels("nothing spicy, I'm sad and it's cold");
    expect(negated).toEqual(["sensory_spicy"]);
  });

  it("does not rule out a label the user also asks for outside the negation", () => {
    expect(findNegatedLabels("not a big eater in the morning, something tiny for breakfast")).not.toContain("meal_breakfast");
  });

  it("rules out indulgence when the user wants nothing heavy", () => {
    expect(findNegatedLabels("nothing too heavy please")).toContain("goal_indulgence");
  });

  it("returns nothing for a plain request", () => {
    expect(findNegatedLabels("I'm sad and it's freezing")).toEqual([]);
  });
});
