import { readFileSync } from "node:fs";
import { packagePath } from "../config/package-path.js";
import { allergensOf, dietOf, type IngredientEntry, ingredientMasks, type KindMask } from "./ingredient-profile.js";
import { CORE_LABELS } from "./taxonomy.js";
import type { Allergen, Diet } from "./types.js";

export const CUISINES = [
  "japanese",
  "chinese",
  "korean",
  "thai",
  "indian",
  "italian",
  "mexican",
  "american",
  "mediterranean",
  "middle_eastern",
  "french",
] as const;
export type Cuisine = (typeof CUISINES)[number];

/** A dish as written in fixtures/catalog.json; diet flags and allergens are derived, never hand-written. */
export interface DishEntry {
  id: string;
  name: string;
  cuisine: Cuisine;
  ingredients: string[];
  /** Taxonomy labels the dish suits (goal_, sensory_, meal_, weather_, social_, occasion_, health_, emotion_). */
  tags: string[];
  /** 0-1, how widely liked; orders the default_fallback answer. */
  popularity: number;
  description: string;
}

export interface Dish extends DishEntry {
  /** Shared between dishes with the same flags: never mutate. */
  diet: readonly Diet[];
  allergens: readonly Allergen[];
}

export interface Catalog {
  dishes: readonly Dish[];
  /** Dish positions in `dishes` for every dish tag, so ranking touches only dishes that match. */
  byTag: ReadonlyMap<string, readonly number[]>;
}

const CUISINE_SET: ReadonlySet<string> = new Set(CUISINES);
const SNAKE_CASE = /^[a-z0-9_]+$/;
/** Labels a dish may carry: diet flags come from ingredients and the cuisine is its own field. */
const DISH_TAGS: readonly string[] = CORE_LABELS.filter((label) => !/^(diet|cuisine)_/.test(label));

let cached: Catalog | undefined;

/** The shipped catalog with derived diets and allergens, read and checked once per process. */
export function loadCatalog(): Catalog {
  cached ??= buildCatalog(
    JSON.parse(readFileSync(packagePath("fixtures", "catalog.json"), "utf8")),
    JSON.parse(readFileSync(packagePath("fixtures", "ingredients.json"), "utf8")),
  );
  return cached;
}

/**
 * Validates the two fixture documents and derives each dish's diet flags and allergens; throws on the
 * first problem. Runs once per CLI process in cold code, hence indexed loops and messages built only on failure.
 */
export function buildCatalog(catalogDoc: unknown, ingredientsDoc: unknown): Catalog {
  const table = (ingredientsDoc as { ingredients?: unknown } | null)?.ingredients;
  if (!table || typeof table !== "object") throw new Error('ingredients.json: expected {"ingredients": {...}}');
  const masks = ingredientMasks(table as Record<string, IngredientEntry>);
  const entries = (catalogDoc as { dishes?: unknown } | null)?.dishes;
  if (!Array.isArray(entries)) throw new Error('catalog.json: expected {"dishes": [...]}');
  const byTag = new Map<string, number[]>(DISH_TAGS.map((tag) => [tag, []]));
  const ids = new Set<string>();
  const names = new Set<string>();
  const dishes: Dish[] = [];
  for (let index = 0; index < entries.length; index++) {
    const raw = entries[index] as DishEntry;
    const problem = shapeProblem(raw, ids, names);
    if (problem) throw dishError(index, raw, problem);
    ids.add(raw.id);
    names.add(raw.name);
    let kinds: KindMask = 0;
    for (let i = 0; i < raw.ingredients.length; i++) {
      const mask = masks.get(raw.ingredients[i] as string);
      if (mask === undefined)
        throw dishError(index, raw, `unknown ingredient "${raw.ingredients[i]}" (add it to fixtures/ingredients.json)`);
      kinds |= mask;
    }
    for (let i = 0; i < raw.tags.length; i++) {
      const bucket = byTag.get(raw.tags[i] as string);
      if (!bucket)
        throw dishError(index, raw, `unknown tag "${raw.tags[i]}" (dish tags are taxonomy labels other than diet_* and cuisine_*)`);
      bucket.push(index);
    }
    // The parsed entry is ours alone: completing it in place saves 185 copies on the startup path.
    const dish = raw as Dish;
    dish.diet = dietOf(kinds);
    dish.allergens = allergensOf(kinds);
    dishes.push(dish);
  }
  return { dishes, byTag };
}

function dishError(index: number, raw: DishEntry | undefined, problem: string): Error {
  return new Error(`catalog.json dish ${index} (${raw?.id ?? "no id"}): ${problem}`);
}

function shapeProblem(raw: DishEntry, ids: Set<string>, names: Set<string>): string | null {
  if (typeof raw?.id !== "string" || !SNAKE_CASE.test(raw.id)) return "id must be snake_case";
  if (ids.has(raw.id)) return "duplicate id";
  if (typeof raw.name !== "string" || raw.name.trim() === "") return "missing name";
  if (names.has(raw.name)) return `duplicate name "${raw.name}"`;
  if (!CUISINE_SET.has(raw.cuisine)) return `unknown cuisine "${raw.cuisine}" (one of ${CUISINES.join(", ")})`;
  if (!Array.isArray(raw.ingredients) || raw.ingredients.length === 0) return "ingredients must be a non-empty array";
  if (!Array.isArray(raw.tags)) return "tags must be an array";
  if (typeof raw.popularity !== "number" || !(raw.popularity >= 0 && raw.popularity <= 1)) return "popularity must be in [0, 1]";
  if (typeof raw.description !== "string" || raw.description.trim() === "") return "missing description";
  return null;
}
