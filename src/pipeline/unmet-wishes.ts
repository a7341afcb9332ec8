// Wishes the diet or allergies leave no dish for ("I'm diabetic, something sweet?"): said, never answered around in silence.
import type { Catalog } from "./catalog.js";
import { allowedDishes, requiredDiets } from "./dish-filter.js";
import { labelWord } from "./dish-reason.js";
import { impliedBy } from "./dish-score.js";
import { categoryOf } from "./taxonomy.js";
import type { Allergen, Diet } from "./types.js";

/** Categories that describe the dish asked for (not the person's state, which any dish can meet). */
const WISH_CATEGORIES: ReadonlySet<string> = new Set(["sensory", "meal", "cuisine", "goal"]);

export interface UnmetInput {
  /** The answer's labels (asked for, best first). */
  labels: readonly string[];
  diets: readonly Diet[];
  allergens: readonly Allergen[];
  /** Dishes of the dish types named as a wish, by position. */
  wishedDishes: ReadonlyMap<number, string>;
}

/** What was wished for that the catalog has, but not within the constraints: words for a notice, in order. */
export function unmetWishes(catalog: Catalog, input: UnmetInput): string[] {
  const diets = requiredDiets(input.diets, input.labels);
  if (diets.length === 0 && input.allergens.length === 0) return [];
  const allowed = allowedDishes(catalog, diets, input.allergens, new Set());
  const unmet: string[] = [];
  // A wish and what it implies ("something sweet" is a dessert more often than not): the person would miss either.
  const wishes = input.labels.filter((label) => WISH_CATEGORIES.has(categoryOf(label)));
  for (const label of [...wishes])
    for (const need of impliedBy(label)) if (WISH_CATEGORIES.has(categoryOf(need)) && !wishes.includes(need)) wishes.push(need);
  for (const label of wishes) {
    const category = categoryOf(label);
    const dishes =
      category === "cuisine"
        ? catalog.dishes.flatMap((dish, i) => (`cuisine_${dish.cuisine}` === label ? [i] : []))
        : (catalog.byTag.get(label) ?? []);
    const word = labelWord(label);
    if (word && dishes.length > 0 && !dishes.some((i) => allowed[i])) unmet.push(word);
  }
  const byType = new Map<string, number[]>();
  for (const [index, type] of input.wishedDishes) byType.set(type, [...(byType.get(type) ?? []), index]);
  for (const [type, dishes] of byType) if (!dishes.some((i) => allowed[i]) && !unmet.includes(type)) unmet.push(type);
  return unmet;
}

/** "low sugar and egg-free": the constraints as a person would say them. */
export function constraintWords(diets: readonly Diet[], allergens: readonly Allergen[]): string {
  const parts = [
    ...diets.map((diet) => diet.replaceAll("_", " ")),
    ...allergens.map((allergen) => `${allergen.replaceAll("_", " ")}-free`),
  ];
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
