// Issue #15: negation and contrast exclude and invent nothing, diets people ask for are honoured or said, notices,
// and a ranking whose top N is the first N of the top M.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/pipeline/catalog.js";
import { decide } from "../../src/pipeline/decide.js";
import { excludedDishes } from "../../src/pipeline/dish-exclusion.js";
import { buildNotices } from "../../src/pipeline/notices.js";
import { parseQuery } from "../../src/pipeline/parse.js";
import { recommend } from "../../src/pipeline/recommend.js";

const catalog = loadCatalog();
const dish = (name: string) => {
  const found = catalog.dishes.find((d) => d.name === name);
  if (!found) throw new Error(`no dish ${name}`);
  return found;
};
const excludedNames = (text: string): string[] =>
  [...excludedDishes(catalog, parseQuery(text).negatedWords ?? []).dishes].map((i) => catalog.dishes[i]?.name ?? "");

describe("negation and contrast", () => {
  it.each([
    ["not in the mood for anything spicy", "sensory_spicy"],
    ["tired of pasta", "cuisine_italian"],
    ["tired of pasta", "emotion_bored"],
    ["I hate curry", "emotion_angry"],
    ["had enough of burgers this week", "cuisine_american"],
    ["I'm so over ramen", "cuisine_japanese"],
    ["my flatmate hates spicy food", "sensory_spicy"],
    ["the kids won't eat anything spicy", "sensory_spicy"],
    ["not hungry for dessert, just a light dinner", "meal_dessert"],
    ["anything but Mexican, we had tacos yesterday", "cuisine_mexican"],
  ])("%j rules out %s", (text, label) => {
    expect(parseQuery(text).negatedLabels).toContain(label);
  });

  it("keeps a mood said plainly and a food wanted plainly", () => {
    expect(parseQuery("I hate Mondays, so angry").negatedLabels).not.toContain("emotion_angry");
    expect(parseQuery("so tired, need a quick dinner").negatedLabels).not.toContain("emotion_tired");
  });

  it("leaves out dishes named or made with what was ruled out, and food groups someone dislikes", () => {
    expect(excludedNames("anything but pizza")).toContain("Margherita Pizza");
    expect(excludedNames("no more curry please").some((name) => /curry/i.test(name))).toBe(true);
    const seafood = excludedDishes(catalog, parseQuery("my partner hates seafood").negatedWords ?? []).dishes;
    catalog.dishes.forEach((d, i) => {
      if (d.allergens.includes("shellfish") || d.allergens.includes("fish")) expect(seafood.has(i), d.name).toBe(true);
    });
    expect(excludedNames("I'm sad and it's freezing")).toEqual([]);
  });

  it("invents no mood when the query only rules something out", () => {
    const parsed = parseQuery("anything but pizza");
    const result = decide({
      llm: { labels: [], confidence: 0.6 },
      ml: [{ label: "goal_healthy", score: 0.9 }],
      parsed,
      threshold: 0.5,
      excludes: true,
    });
    expect(result.labels).toEqual([]);
    expect(result.decision).toBe("default_fallback");
  });
});

describe("diets derived from ingredients", () => {
  it("halal: no pork, gelatin or alcohol", () => {
    expect(dish("Tonkotsu Ramen").diet).not.toContain("halal");
    expect(dish("Coq au Vin").diet).not.toContain("halal");
    expect(dish("Panna Cotta").diet).not.toContain("halal");
    expect(dish("Chana Masala").diet).toContain("halal");
  });

  it("kosher: no pork or shellfish, never meat with dairy", () => {
    expect(dish("Shrimp and Vegetable Tempura").diet).not.toContain("kosher");
    expect(dish("Butter Chicken").diet).not.toContain("kosher");
    expect(dish("Chana Masala").diet).toContain("kosher");
  });

  it("low_sugar: no added sugar, syrup or honey", () => {
    expect(dish("Tiramisu").diet).not.toContain("low_sugar");
    expect(dish("Greek Yogurt with Honey and Walnuts").diet).not.toContain("low_sugar");
    expect(dish("Chana Masala").diet).toContain("low_sugar");
  });

  it.each([
    ["kosher please", "kosher"],
    ["halal dinner ideas", "halal"],
    ["I'm diabetic, something sweet?", "low_sugar"],
    ["sugar-free snack", "low_sugar"],
  ])("%j asks for %s, and every recommended dish has it", (text, diet) => {
    const parsed = parseQuery(text);
    expect(parsed.diets).toContain(diet);
    const dishes = recommend(catalog, { labels: [], diets: parsed.diets, allergens: [], negatedLabels: [], top: 10, fallback: true });
    for (const r of dishes) expect(r.diet, r.name).toContain(diet);
  });

  it("says what it cannot honour", () => {
    expect(parseQuery("I'm on keto and allergic to kiwi").unsupported).toEqual(["keto", "kiwi allergy"]);
    expect(parseQuery("low carb please").unsupported).toEqual(["low carb"]);
    expect(parseQuery("I'm not on keto, just hungry").unsupported).toEqual([]);
    expect(parseQuery("hay fever allergy season").unsupported).toEqual([]);
  });
});

describe("notices", () => {
  const notices = (text: string, extra: Partial<Parameters<typeof buildNotices>[0]> = {}) =>
    buildNotices({
      parsed: parseQuery(text),
      labels: ["emotion_sad"],
      decision: "ml_validated",
      llmFailure: null,
      provider: "local",
      excludedWords: [],
      ...extra,
    }).map((n) => n.code);

  it("gives one coded line for each thing the person should know", () => {
    expect(notices("peanut allergy, sad")).toEqual(["allergy_reminder"]);
    expect(notices("halal please")).toEqual(["diet_reminder"]);
    expect(notices("keto dinner")).toEqual(["unsupported_constraint"]);
    expect(notices("Estoy triste y hace mucho frío")).toContain("language");
    expect(notices("sad", { labels: [] })).toEqual(["no_labels"]);
    expect(notices("sad", { llmFailure: "timeout" })).toEqual(["llm_unavailable"]);
    expect(notices("sad and it's freezing")).toEqual([]);
  });

  it("does not take English with a borrowed word for another language", () => {
    expect(parseQuery("craving tacos con carne and a siesta").language).toBeNull();
    expect(parseQuery("I'm sad and it's freezing").language).toBeNull();
  });
});

describe("ranking", () => {
  it.each([
    [["cuisine_italian"], []],
    [["emotion_tired"], ["vegan"]],
    [["emotion_sad", "weather_cold"], []],
    [["sensory_sweet"], ["gluten_free"]],
    [["occasion_party", "social_group"], ["halal"]],
  ] as const)("the top N of %j is the first N of the top M", (labels, diets) => {
    const ask = (top: number) =>
      recommend(catalog, { labels: [...labels], diets: [...diets], allergens: [], negatedLabels: [], top, fallback: false }).map(
        (r) => r.name,
      );
    const twenty = ask(20);
    for (const n of [1, 3, 5, 10]) expect(ask(n)).toEqual(twenty.slice(0, n));
  });

  it("meets an implied need before falling back to generic picks", () => {
    const answer = recommend(catalog, {
      labels: ["emotion_tired"],
      diets: ["vegan"],
      allergens: [],
      negatedLabels: [],
      top: 5,
      fallback: false,
    });
    expect(answer.filter((r) => r.reason.includes("A popular pick")).length).toBe(0);
  });

  it("reads something sweet as dessert before a sweet-glazed main", () => {
    const [first] = recommend(catalog, {
      labels: ["sensory_sweet"],
      diets: ["gluten_free"],
      allergens: [],
      negatedLabels: [],
      top: 5,
      fallback: false,
    });
    expect(dish(first?.name ?? "").tags).toContain("meal_dessert");
  });

  it("never cites a mood the answer does not carry", () => {
    const answer = recommend(catalog, { labels: ["weather_cold"], diets: [], allergens: [], negatedLabels: [], top: 10, fallback: false });
    for (const r of answer) expect(r.reason).not.toMatch(/when you're|blow off steam|stressed/);
  });
});
