import { describe, expect, it } from "vitest";
import { extractConstraints, parseDietList } from "../../src/pipeline/constraints.js";

describe("extractConstraints: diets", () => {
  it.each([
    ["I'm vegan", ["vegan"]],
    ["vegetarian here, what should I eat", ["vegetarian"]],
    ["eating plant-based these days", ["vegan"]],
    ["no meat please", ["vegetarian"]],
    ["I don't eat meat", ["vegetarian"]],
    ["I have celiac disease", ["gluten_free"]],
    ["coeliac and starving", ["gluten_free"]],
    ["needs to be gluten free", ["gluten_free"]],
    ["I'm lactose intolerant", ["dairy_free"]],
    ["no dairy for me", ["dairy_free"]],
    ["can't have eggs, milk, meat or honey", ["vegan"]],
    ["nothing made with meat, dairy or eggs please", ["vegan"]],
    ["nut-free please, it's for my kid", ["nut_free"]],
    ["vegetarian and gluten-free", ["vegetarian", "gluten_free"]],
    ["I'm veggie", ["vegetarian"]],
    ["I'm vegn lol", ["vegan"]],
    ["strict vegitarian", ["vegetarian"]],
    ["glutten free pls", ["gluten_free"]],
    ["dairy makes me bloated, want pasta", ["dairy_free"]],
    ["cheese gives me a stomach ache", ["dairy_free"]],
    ["gluten doesn't agree with me", ["gluten_free"]],
    ["my toddler reacts badly to dairy", ["dairy_free"]],
    ["peanut allergy, something crunchy", ["nut_free"]],
    ["EpiPen for cashews", ["nut_free"]],
    ["keep the nuts far away from my plate", ["nut_free"]],
    // A modal negation governs its verb, not the diet after it.
    ["need a birthday cake that won't wreck my celiac kid", ["gluten_free"]],
  ])("%j -> %j", (text, diets) => {
    expect(extractConstraints(text).diets).toEqual(diets);
  });
});

describe("extractConstraints: allergies", () => {
  it.each([
    ["peanut allergy, so careful", ["peanut"]],
    ["I'm allergic to shellfish", ["shellfish"]],
    ["tree nut allergy", ["tree_nut"]],
    ["allergic to nuts and sesame", ["peanut", "tree_nut", "sesame"]],
    ["severe allergies to peanuts", ["peanut"]],
    ["alergic to prawns", ["shellfish"]],
    ["no seafood for me", ["fish", "shellfish"]],
    ["egg allergy", ["egg"]],
    ["can't eat anything containing sesame", ["sesame"]],
    // The longer food wins, as the longer trigger does in the mood lexicon: pine nuts are tree nuts only.
    ["no pine nuts in the pesto", ["tree_nut"]],
    ["jalapeño poppers without cheese or shrimp", ["shellfish"]],
    ["I won't touch shrimp", ["shellfish"]],
  ])("%j -> %j", (text, allergens) => {
    expect(extractConstraints(text).allergens).toEqual(allergens);
  });
});

describe("extractConstraints: what must not fire", () => {
  it.each([
    "I'm not vegan",
    "I am not a vegetarian",
    "total meat lover, feed me",
    "I used to be vegan",
    "ex-vegetarian, now I eat everything",
    "I don't have a peanut allergy",
    "no allergies, I eat anything",
    "I'm not allergic to nuts",
    "I began to feel sad after lunch",
    "want a veggie burger",
    "my glutes are sore after the gym",
    "sad and it's freezing",
    "nothing spicy tonight",
    "no worries, anything cheesy works",
  ])("%j has no constraints", (text) => {
    expect(extractConstraints(text)).toEqual({ diets: [], allergens: [], unsupported: [] });
  });

  it("keeps a diet stated next to a negated one", () => {
    expect(extractConstraints("I'm vegetarian but not vegan").diets).toEqual(["vegetarian"]);
  });
});

describe("parseDietList", () => {
  it("reads the --diet flag, tolerating case, spaces, hyphens and the diet_ prefix", () => {
    expect(parseDietList("vegan,gluten_free")).toEqual(["vegan", "gluten_free"]);
    expect(parseDietList(" Vegan , gluten-free,diet_nut_free,")).toEqual(["vegan", "gluten_free", "nut_free"]);
    expect(parseDietList("vegan,vegan")).toEqual(["vegan"]);
  });

  it("rejects an unknown diet with a RangeError naming the valid values", () => {
    expect(() => parseDietList("vegan,keto")).toThrow(RangeError);
    expect(() => parseDietList("keto")).toThrow('unknown diet "keto"; valid diets: vegetarian, vegan, gluten_free, dairy_free, nut_free');
  });
});
