import { ALLERGENS, type Allergen, type Diet } from "./types.js";

/** What an ingredient is; diet flags and allergens follow from this alone. */
export const INGREDIENT_KINDS = [
  "meat",
  "poultry",
  "fish",
  "shellfish",
  "animal",
  "dairy",
  "egg",
  "honey",
  "wheat",
  "gluten_grain",
  "peanut",
  "tree_nut",
  "soy",
  "sesame",
  "grain",
  "vegetable",
  "fruit",
  "legume",
  "herb",
  "spice",
  "fungus",
  "seaweed",
  "oil",
  "sweetener",
  "starch",
  "condiment",
  "alcohol",
  "prepared",
  // Last, so existing bits keep their place: pork is meat that halal and kosher both rule out.
  "pork",
] as const;
export type IngredientKind = (typeof INGREDIENT_KINDS)[number];

/** One row of fixtures/ingredients.json; `prepared` foods list what they are made of. */
export interface IngredientEntry {
  kind: IngredientKind;
  contains?: string[];
  note?: string;
}

/**
 * A set of kinds as a bitmask (bit i = INGREDIENT_KINDS[i]). The catalog is derived once per
 * CLI process in cold, unoptimised code, so this avoids Sets, iterators and destructuring.
 */
export type KindMask = number;

const KIND_BITS = new Map<string, KindMask>(INGREDIENT_KINDS.map((kind, i) => [kind, 1 << i]));
const maskOf = (kinds: readonly IngredientKind[]): KindMask => kinds.reduce((mask, kind) => mask | (KIND_BITS.get(kind) ?? 0), 0);
const NOT_VEGETARIAN = maskOf(["meat", "pork", "poultry", "fish", "shellfish", "animal"]);
const NOT_VEGAN = NOT_VEGETARIAN | maskOf(["dairy", "egg", "honey"]);
const HAS_GLUTEN = maskOf(["wheat", "gluten_grain"]);
const DAIRY = maskOf(["dairy"]);
const NUTS = maskOf(["peanut", "tree_nut"]);
// Gelatin ("animal") is usually pork-derived and its source is never on the menu: neither halal nor kosher.
const NOT_HALAL = maskOf(["pork", "animal", "alcohol"]);
const NOT_KOSHER = maskOf(["pork", "animal", "shellfish"]);
const LAND_MEAT = maskOf(["meat", "poultry"]);
const ADDED_SUGAR = maskOf(["sweetener", "honey"]);
const ALLERGEN_MASKS: readonly KindMask[] = ALLERGENS.map((allergen) => maskOf([allergen === "milk" ? "dairy" : allergen]));
/** Deepest `contains` chain accepted; anything deeper is a cycle. */
const MAX_DEPTH = 8;

/** Resolves every ingredient of the table to the kinds it is made of; throws on unknown kinds, unknown parts and cycles. */
export function ingredientMasks(table: Readonly<Record<string, IngredientEntry>>): Map<string, KindMask> {
  const masks = new Map<string, KindMask>();
  const resolve = (name: string, parent: string, depth: number): KindMask => {
    const known = masks.get(name);
    if (known !== undefined) return known;
    const entry = table[name];
    if (!entry) throw new Error(`ingredients.json "${parent}": contains unknown ingredient "${name}"`);
    if (depth > MAX_DEPTH) throw new Error(`ingredients.json "${name}": contains itself (or nests deeper than ${MAX_DEPTH})`);
    let mask = KIND_BITS.get(entry.kind);
    if (mask === undefined)
      throw new Error(`ingredients.json "${name}": unknown kind "${entry.kind}" (one of ${INGREDIENT_KINDS.join(", ")})`);
    const parts = entry.contains;
    if ((entry.kind === "prepared") !== Array.isArray(parts)) {
      throw new Error(`ingredients.json "${name}": prepared foods, and only they, list what they contain`);
    }
    if (parts) for (let i = 0; i < parts.length; i++) mask |= resolve(parts[i] as string, name, depth + 1);
    masks.set(name, mask);
    return mask;
  };
  for (const name in table) resolve(name, name, 0);
  return masks;
}

/** Results shared by every dish with the same relevant kinds: a few dozen arrays instead of hundreds at startup. */
const dietCache = new Map<KindMask, readonly Diet[]>();
const allergenCache = new Map<KindMask, readonly Allergen[]>();
const DIET_RELEVANT = NOT_VEGAN | HAS_GLUTEN | NUTS | NOT_HALAL | NOT_KOSHER | ADDED_SUGAR;
const ALLERGEN_RELEVANT = ALLERGEN_MASKS.reduce((all, mask) => all | mask, 0);

/** Diet flags a dish made of these kinds satisfies; vegan implies vegetarian and dairy_free by construction. */
export function dietOf(kinds: KindMask): readonly Diet[] {
  const mask = kinds & DIET_RELEVANT;
  const cached = dietCache.get(mask);
  if (cached) return cached;
  const diet: Diet[] = [];
  if (!(mask & NOT_VEGETARIAN)) diet.push("vegetarian");
  if (!(mask & NOT_VEGAN)) diet.push("vegan");
  if (!(mask & HAS_GLUTEN)) diet.push("gluten_free");
  if (!(mask & DAIRY)) diet.push("dairy_free");
  if (!(mask & NUTS)) diet.push("nut_free");
  // By ingredient only: whether the meat itself was slaughtered to the rule is a question for whoever cooks (a notice says so).
  if (!(mask & NOT_HALAL)) diet.push("halal");
  if (!(mask & NOT_KOSHER) && !(mask & LAND_MEAT && mask & DAIRY)) diet.push("kosher");
  // No added sugar, syrup or honey anywhere in the dish (fruit is allowed): what "diabetic" or "low sugar" asks.
  if (!(mask & ADDED_SUGAR)) diet.push("low_sugar");
  dietCache.set(mask, diet);
  return diet;
}

/** The common-nine allergens present, in the canonical order. */
export function allergensOf(kinds: KindMask): readonly Allergen[] {
  const mask = kinds & ALLERGEN_RELEVANT;
  const cached = allergenCache.get(mask);
  if (cached) return cached;
  const found: Allergen[] = [];
  for (let i = 0; i < ALLERGENS.length; i++) if (mask & (ALLERGEN_MASKS[i] ?? 0)) found.push(ALLERGENS[i] as Allergen);
  allergenCache.set(mask, found);
  return found;
}
