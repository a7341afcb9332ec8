import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/config/package-path.js";
import { buildCatalog, CUISINES, loadCatalog } from "../../src/pipeline/catalog.js";
import { CORE_LABELS } from "../../src/pipeline/taxonomy.js";

const catalog = loadCatalog();
const fixture = (name: string): unknown => JSON.parse(readFileSync(packagePath("fixtures", name), "utf8"));

describe("catalog fixture", () => {
  it("has at least 160 real dishes, at least 12 in each of the 11 cuisines", () => {
    expect(catalog.dishes.length).toBeGreaterThanOrEqual(160);
    for (const cuisine of CUISINES) {
      expect(catalog.dishes.filter((d) => d.cuisine === cuisine).length, cuisine).toBeGreaterThanOrEqual(12);
    }
  });

  it("has no duplicate names or ids", () => {
    const names = catalog.dishes.map((d) => d.name.toLowerCase());
    const ids = catalog.dishes.map((d) => d.id);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("tags every dish only with core taxonomy labels, never diet_ or cuisine_", () => {
    const allowed = new Set<string>(CORE_LABELS.filter((l) => !l.startsWith("diet_") && !l.startsWith("cuisine_")));
    for (const d of catalog.dishes) {
      expect(d.tags.length, d.name).toBeGreaterThan(2);
      for (const tag of d.tags) expect(allowed.has(tag), `${d.name}: ${tag}`).toBe(true);
    }
  });

  it("offers vegan and gluten-free dishes in every cuisine", () => {
    for (const cuisine of CUISINES) {
      const dishes = catalog.dishes.filter((d) => d.cuisine === cuisine);
      expect(dishes.filter((d) => d.diet.includes("vegan")).length, `${cuisine} vegan`).toBeGreaterThanOrEqual(2);
      expect(dishes.filter((d) => d.diet.includes("gluten_free")).length, `${cuisine} gluten_free`).toBeGreaterThanOrEqual(4);
    }
  });

  it("gives every dish a description and a popularity in [0, 1]", () => {
    for (const d of catalog.dishes) {
      expect(d.description.length, d.name).toBeGreaterThan(10);
      expect(d.popularity).toBeGreaterThanOrEqual(0);
      expect(d.popularity).toBeLessThanOrEqual(1);
    }
  });

  it("indexes every tag so ranking can look dishes up by label", () => {
    const comfort = catalog.byTag.get("goal_comfort") ?? [];
    expect(comfort.length).toBe(catalog.dishes.filter((d) => d.tags.includes("goal_comfort")).length);
    expect(comfort.map((i) => catalog.dishes[i]?.tags.includes("goal_comfort"))).not.toContain(false);
  });

  it("is read once per process", () => {
    expect(loadCatalog()).toBe(catalog);
  });
});

describe("buildCatalog validation", () => {
  const ingredients = fixture("ingredients.json");
  const base = {
    id: "test_dish",
    name: "Test Dish",
    cuisine: "thai",
    ingredients: ["rice"],
    tags: ["goal_comfort"],
    popularity: 0.5,
    description: "a dish for tests",
  };

  it("rejects an unknown ingredient, naming the dish and the ingredient", () => {
    const doc = { dishes: [{ ...base, ingredients: ["rice", "unicorn_meat"] }] };
    expect(() => buildCatalog(doc, ingredients)).toThrow(/test_dish.*unknown ingredient "unicorn_meat"/);
  });

  it("rejects an unknown tag", () => {
    const doc = { dishes: [{ ...base, tags: ["goal_comfort", "emotion_hangry"] }] };
    expect(() => buildCatalog(doc, ingredients)).toThrow(/unknown tag "emotion_hangry"/);
  });

  it("rejects diet_ tags: diets are derived from ingredients, never hand-written", () => {
    const doc = { dishes: [{ ...base, tags: ["diet_vegan"] }] };
    expect(() => buildCatalog(doc, ingredients)).toThrow(/unknown tag "diet_vegan"/);
  });

  it("rejects duplicate names and unknown cuisines", () => {
    expect(() => buildCatalog({ dishes: [base, { ...base, id: "other" }] }, ingredients)).toThrow(/duplicate name/);
    expect(() => buildCatalog({ dishes: [{ ...base, cuisine: "klingon" }] }, ingredients)).toThrow(/unknown cuisine "klingon"/);
  });

  it("rejects an ingredient table with unknown parts, unknown kinds or cycles", () => {
    const dishes = { dishes: [base] };
    expect(() =>
      buildCatalog(dishes, { ingredients: { rice: { kind: "grain" }, sauce: { kind: "prepared", contains: ["ghost"] } } }),
    ).toThrow(/"sauce": contains unknown ingredient "ghost"/);
    expect(() => buildCatalog(dishes, { ingredients: { rice: { kind: "mineral" } } })).toThrow(/unknown kind "mineral"/);
    const loop = { rice: { kind: "grain" }, a: { kind: "prepared", contains: ["b"] }, b: { kind: "prepared", contains: ["a"] } };
    expect(() => buildCatalog(dishes, { ingredients: loop })).toThrow(/contains itself/);
  });
});
