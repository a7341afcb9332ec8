import { describe, expect, it } from "vitest";
import { type Dish, loadCatalog } from "../../src/pipeline/catalog.js";
import { type RecommendRequest, recommend } from "../../src/pipeline/recommend.js";
import type { Allergen, Diet, Recommendation } from "../../src/pipeline/types.js";

const catalog = loadCatalog();
const byName = new Map(catalog.dishes.map((d) => [d.name, d]));
const dishOf = (r: Recommendation): Dish => {
  const found = byName.get(r.name);
  if (!found) throw new Error(`recommended an unknown dish: ${r.name}`);
  return found;
};
const ask = (labels: string[], extra: Partial<RecommendRequest> = {}): Recommendation[] =>
  recommend(catalog, { labels, diets: [], allergens: [], negatedLabels: [], top: 5, fallback: false, ...extra });

const MOODS: string[][] = [
  ["emotion_sad", "weather_cold"],
  ["weather_hot", "goal_light"],
  ["health_sick"],
  ["occasion_party", "social_group"],
  ["meal_dessert", "occasion_date"],
  ["emotion_stressed", "meal_late_night"],
  ["cuisine_thai"],
  ["cuisine_italian", "goal_comfort"],
  ["health_hangover", "meal_breakfast"],
  ["sensory_spicy", "sensory_crunchy"],
  ["emotion_tired", "goal_quick"],
  [],
];

describe("recommend: hard constraints", () => {
  it("never gives a vegan a non-vegan dish, whatever the mood and even in fallback", () => {
    for (const labels of MOODS) {
      for (const fallback of [false, true]) {
        const answer = ask(labels, { diets: ["vegan"], fallback });
        expect(answer.length, labels.join("+")).toBe(5);
        for (const r of answer) expect(dishOf(r).diet, `${labels.join("+")}: ${r.name}`).toContain("vegan");
      }
    }
  });

  it("treats a diet_ label from the parser as a filter too", () => {
    for (const r of ask(["diet_gluten_free", "emotion_sad"])) expect(dishOf(r).diet).toContain("gluten_free");
  });

  it("satisfies every requested diet at once", () => {
    const diets: Diet[] = ["vegetarian", "gluten_free", "nut_free"];
    for (const r of ask(["weather_cold"], { diets })) expect(dishOf(r).diet).toEqual(expect.arrayContaining(diets));
  });

  it("excludes every dish containing a named allergen", () => {
    const allergens: Allergen[] = ["peanut", "shellfish"];
    for (const labels of MOODS) {
      for (const r of ask(labels, { allergens, top: 10 })) {
        for (const a of allergens) expect(dishOf(r).allergens, r.name).not.toContain(a);
      }
    }
    // Thai food without peanuts: still Thai, and pad thai is out.
    const thai = ask(["cuisine_thai"], { allergens: ["peanut"] });
    expect(thai.map((r) => r.name)).not.toContain("Pad Thai");
    expect(thai.every((r) => r.cuisine === "thai")).toBe(true);
  });

  it("drops dishes tagged with a ruled-out label", () => {
    const answer = ask(["emotion_angry", "sensory_crunchy"], { negatedLabels: ["sensory_spicy"], top: 10 });
    for (const r of answer) expect(dishOf(r).tags, r.name).not.toContain("sensory_spicy");
    const noDessert = ask(["occasion_date"], { negatedLabels: ["meal_dessert"], top: 10 });
    for (const r of noDessert) expect(dishOf(r).tags, r.name).not.toContain("meal_dessert");
  });
});

describe("recommend: ranking a user would notice", () => {
  it("answers 'sad and freezing' with warming comfort food and says why", () => {
    const answer = ask(["emotion_sad", "weather_cold"]);
    for (const r of answer) {
      expect(dishOf(r).tags, r.name).toEqual(expect.arrayContaining(["sensory_warming", "goal_comfort"]));
      expect(r.reason).toMatch(/warm/i);
      expect(r.reason).toMatch(/cold/);
    }
    expect(answer.map((r) => r.name)).not.toContain("Lemon Sorbetto");
  });

  it("answers a hot day with refreshing dishes, not stews", () => {
    for (const r of ask(["weather_hot"])) expect(dishOf(r).tags, r.name).toContain("sensory_refreshing");
  });

  it("does not fill the top 5 from one cuisine unless that cuisine was asked for", () => {
    for (const labels of MOODS.filter((m) => !m.some((l) => l.startsWith("cuisine_")))) {
      const answer = ask(labels);
      const perCuisine = new Map<string, number>();
      for (const r of answer) perCuisine.set(r.cuisine, (perCuisine.get(r.cuisine) ?? 0) + 1);
      expect(Math.max(...perCuisine.values()), labels.join("+")).toBeLessThanOrEqual(2);
    }
    expect(ask(["cuisine_italian", "goal_comfort"]).every((r) => r.cuisine === "italian")).toBe(true);
  });

  it("gives scores in [0, 1], best first, and plain-language reasons", () => {
    for (const labels of MOODS) {
      const answer = ask(labels);
      for (const r of answer) {
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.reason).toMatch(/^[A-Z].*\.$/);
        expect(r.reason).not.toMatch(/_|matched|tags?:/);
      }
      // Diversity picks the order (so the top N is the first N of the top M); the first pick is the best match.
      const scores = answer.map((r) => r.score);
      expect(scores[0]).toBe(Math.max(...scores));
    }
  });

  it("puts what was asked for ahead of what it merely implies", () => {
    const answer = ask(["weather_rainy", "meal_snack"]);
    expect(answer.slice(0, 2).every((r) => dishOf(r).tags.includes("meal_snack"))).toBe(true);
    expect(answer[0]?.reason).toMatch(/for a snack on a rainy day\.$/);
    // Implied needs can describe a dish but never invent an occasion the person did not mention.
    for (const r of ask(["emotion_excited", "weather_hot"])) expect(r.reason).not.toMatch(/celebration/);
  });

  it("names a requested cuisine in the reason", () => {
    expect(ask(["cuisine_middle_eastern", "goal_healthy"])[0]?.reason).toMatch(/ — a Middle Eastern dish that's wholesome/);
    expect(ask(["cuisine_italian", "goal_comfort"])[0]?.reason).toMatch(/ — an Italian dish that's comforting/);
  });

  it("is deterministic", () => {
    expect(ask(["emotion_happy", "occasion_celebration"])).toEqual(ask(["emotion_happy", "occasion_celebration"]));
  });

  it("lists the dish's diet flags without the prefix", () => {
    const [first] = ask(["cuisine_middle_eastern"], { diets: ["vegan"] });
    expect(first?.diet).toEqual(expect.arrayContaining(["vegan", "vegetarian", "dairy_free"]));
    expect(first?.diet.some((d) => d.startsWith("diet_"))).toBe(false);
  });
});

describe("recommend: default fallback", () => {
  it("returns popular, varied dishes marked as popular picks, ignoring unconfident labels", () => {
    const answer = ask(["emotion_sad"], { fallback: true });
    expect(answer).toHaveLength(5);
    for (const r of answer) {
      expect(r.reason).toMatch(/^A popular pick/);
      expect(r.score).toBeLessThanOrEqual(0.5);
      expect(dishOf(r).popularity).toBeGreaterThanOrEqual(0.7);
    }
    expect(new Set(answer.map((r) => r.cuisine)).size).toBeGreaterThanOrEqual(4);
  });

  it("still respects diets, allergies and ruled-out labels", () => {
    const answer = ask([], { fallback: true, diets: ["gluten_free"], allergens: ["milk"], negatedLabels: ["meal_dessert"] });
    for (const r of answer) {
      expect(dishOf(r).diet).toContain("gluten_free");
      expect(dishOf(r).allergens).not.toContain("milk");
      expect(dishOf(r).tags).not.toContain("meal_dessert");
    }
  });

  it("never dresses a fill-in up as a match", () => {
    const answer = ask(["weather_cold"], { diets: ["vegan"], top: 20 });
    expect(answer).toHaveLength(20);
    for (const r of answer) {
      if (!dishOf(r).tags.includes("weather_cold")) expect(r.reason, r.name).toMatch(/^A popular pick|not a direct match/i);
      else expect(r.reason, r.name).toMatch(/cold day/);
    }
  });

  it("fills up with popular picks when too few dishes match", () => {
    const answer = ask(["cuisine_french"], { diets: ["vegan"], top: 5 });
    expect(answer.filter((r) => r.cuisine === "french").length).toBeGreaterThanOrEqual(2);
    expect(answer).toHaveLength(5);
    expect(answer.at(-1)?.reason).toMatch(/^A popular pick/);
  });
});
