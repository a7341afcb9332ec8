import type { Catalog } from "./catalog.js";
import { categoryOf } from "./taxonomy.js";
import { type Allergen, DIETS, type Diet } from "./types.js";

/**
 * A negated label removes matching dishes only where it describes the dish itself ("nothing
 * spicy", "skipping dessert", "no Italian"); "I'm not sad" or "not alone" says nothing about food.
 */
const EXCLUDING_CATEGORIES: ReadonlySet<string> = new Set(["sensory", "meal", "goal", "cuisine"]);

/**
 * The hard constraints: 1 for each dish that satisfies every diet, contains none of the named
 * allergens and carries no ruled-out label; 0 otherwise. Never relaxed, not even in fallback.
 */
export function allowedDishes(
  catalog: Catalog,
  diets: readonly Diet[],
  allergens: readonly Allergen[],
  negated: ReadonlySet<string>,
): Uint8Array {
  const allowed = new Uint8Array(catalog.dishes.length).fill(1);
  const excludedCuisines = new Set<string>();
  for (const label of negated) {
    const category = categoryOf(label);
    if (!EXCLUDING_CATEGORIES.has(category)) continue;
    if (category === "cuisine") excludedCuisines.add(label.slice("cuisine_".length));
    for (const index of catalog.byTag.get(label) ?? []) allowed[index] = 0;
  }
  if (diets.length === 0 && allergens.length === 0 && excludedCuisines.size === 0) return allowed;
  for (let i = 0; i < catalog.dishes.length; i++) {
    const dish = catalog.dishes[i];
    if (!dish || !allowed[i]) continue;
    if (excludedCuisines.has(dish.cuisine)) allowed[i] = 0;
    for (const diet of diets) if (!dish.diet.includes(diet)) allowed[i] = 0;
    for (const allergen of allergens) if (dish.allergens.includes(allergen)) allowed[i] = 0;
  }
  return allowed;
}

/** Diets from the request plus any diet_* label the parser produced; all are hard constraints. */
export function requiredDiets(diets: readonly Diet[], labels: readonly string[]): Diet[] {
  return DIETS.filter((diet) => diets.includes(diet) || labels.includes(`diet_${diet}`));
}
