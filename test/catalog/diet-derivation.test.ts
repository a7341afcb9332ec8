import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/config/package-path.js";
import { type Dish, loadCatalog } from "../../src/pipeline/catalog.js";
import { allergensOf, dietOf, type IngredientEntry, ingredientMasks } from "../../src/pipeline/ingredient-profile.js";

const catalog = loadCatalog();
const dish = (name: string): Dish => {
  const found = catalog.dishes.find((d) => d.name === name);
  if (!found) throw new Error(`no dish named ${name}`);
  return found;
};
const table = (
  JSON.parse(readFileSync(packagePath("fixtures", "ingredients.json"), "utf8")) as { ingredients: Record<string, IngredientEntry> }
).ingredients;
const masks = ingredientMasks(table);
const allergensOfIngredient = (name: string) => allergensOf(masks.get(name) ?? 0);
const dietOfIngredient = (name: string) => dietOf(masks.get(name) ?? 0);

describe("ingredient table", () => {
  it.each([
    ["fish_sauce", ["fish"]],
    ["dashi", ["fish"]],
    ["butter", ["milk"]],
    ["ghee", ["milk"]],
    ["paneer", ["milk"]],
    ["soy_sauce", ["wheat", "soy"]],
    ["pesto", ["tree_nut", "milk"]],
    ["oyster_sauce", ["wheat", "shellfish"]],
    ["green_curry_paste", ["shellfish"]],
    ["kimchi", ["fish", "shellfish"]],
    ["mayonnaise", ["egg"]],
    ["tahini", ["sesame"]],
    ["worcestershire", ["fish"]],
    ["mole_sauce", ["peanut", "tree_nut", "wheat", "sesame"]],
    ["coconut_milk", []],
  ])("%s carries %j", (ingredient, allergens) => {
    expect(allergensOfIngredient(ingredient)).toEqual(allergens);
  });

  it("knows honey and gelatin are not vegan, and that barley (malt) has gluten", () => {
    expect(dietOfIngredient("honey")).not.toContain("vegan");
    expect(dietOfIngredient("honey")).toContain("vegetarian");
    expect(dietOfIngredient("gelatin")).not.toContain("vegetarian");
    expect(dietOfIngredient("malt_vinegar")).not.toContain("gluten_free");
    expect(dietOfIngredient("worcestershire")).not.toContain("vegetarian");
  });
});

describe("dish diets derived from ingredients", () => {
  it("pad thai is neither vegan nor vegetarian and carries peanut, egg, fish and shellfish", () => {
    const padThai = dish("Pad Thai");
    expect(padThai.diet).not.toContain("vegan");
    expect(padThai.diet).not.toContain("vegetarian");
    expect(padThai.allergens).toEqual(expect.arrayContaining(["peanut", "egg", "fish", "shellfish"]));
  });

  it("miso soup is not vegetarian because dashi is made from bonito", () => {
    expect(dish("Miso Soup").diet).not.toContain("vegetarian");
    expect(dish("Miso Soup").allergens).toContain("fish");
  });

  it("ghee makes dal vegetarian but not vegan; chana masala is vegan and gluten-free", () => {
    expect(dish("Dal Tadka").diet).toEqual(["vegetarian", "gluten_free", "nut_free", "halal", "kosher", "low_sugar"]);
    expect(dish("Chana Masala").diet).toEqual([
      "vegetarian",
      "vegan",
      "gluten_free",
      "dairy_free",
      "nut_free",
      "halal",
      "kosher",
      "low_sugar",
    ]);
  });

  it("soy sauce takes the gluten out of gluten-free", () => {
    expect(dish("Chicken Teriyaki Donburi").diet).not.toContain("gluten_free");
    expect(dish("Chicken Teriyaki Donburi").allergens).toEqual(expect.arrayContaining(["wheat", "soy"]));
  });

  it("pesto pasta is vegetarian but not nut-free; panna cotta's gelatin makes it not vegetarian", () => {
    expect(dish("Linguine al Pesto").diet).toEqual(["vegetarian", "halal", "kosher", "low_sugar"]);
    expect(dish("Panna Cotta").diet).not.toContain("vegetarian");
  });

  it("keeps the diet flags consistent with the allergens of every dish", () => {
    for (const d of catalog.dishes) {
      if (d.diet.includes("vegan")) expect(d.diet, d.name).toEqual(expect.arrayContaining(["vegetarian", "dairy_free"]));
      expect(d.diet.includes("dairy_free"), d.name).toBe(!d.allergens.includes("milk"));
      expect(d.diet.includes("nut_free"), d.name).toBe(!d.allergens.includes("peanut") && !d.allergens.includes("tree_nut"));
      if (d.allergens.includes("wheat")) expect(d.diet, d.name).not.toContain("gluten_free");
      if (d.allergens.some((a) => a === "fish" || a === "shellfish")) expect(d.diet, d.name).not.toContain("vegetarian");
      if (d.allergens.some((a) => a === "milk" || a === "egg")) expect(d.diet, d.name).not.toContain("vegan");
    }
  });
});
