import { CompiledLexicon } from "./providers/local/compiled-lexicon.js";
import type { Lexicon } from "./providers/local/lexicon.js";
import { boundedEditDistance } from "./text/fuzzy.js";
import type { Allergen, Diet } from "./types.js";

/** Groups whose joint exclusion ("no meat, dairy or eggs") means vegan. */
export type FoodGroup = "meat" | "dairy" | "egg" | "honey";

export interface ItemEffect {
  diets?: Diet[];
  allergens?: Allergen[];
  group?: FoodGroup;
  /** Diet meant by "<item>-free" when it differs from the plain effect ("nut-free" -> nut_free). */
  freeDiet?: Diet;
}

/** Gives several comma-separated names the same effect. */
const each = (names: string, effect: ItemEffect): Record<string, ItemEffect> =>
  Object.fromEntries(names.split(", ").map((name) => [name, effect]));

/** Foods a person can rule out, keyed by one or two canonical (singular) tokens. */
export const FOOD_ITEMS: Readonly<Record<string, ItemEffect>> = {
  meat: { diets: ["vegetarian"], group: "meat" },
  "animal product": { diets: ["vegan"], group: "meat" },
  fish: { allergens: ["fish"] },
  seafood: { allergens: ["fish", "shellfish"] },
  ...each("shellfish, crustacean, shrimp, prawn, crab, lobster, clam, mussel, oyster, scallop", { allergens: ["shellfish"] }),
  ...each("dairy, lactose, cheese", { diets: ["dairy_free"], group: "dairy" }),
  milk: { allergens: ["milk"], group: "dairy" },
  egg: { allergens: ["egg"], group: "egg" },
  honey: { group: "honey" },
  gluten: { diets: ["gluten_free"] },
  wheat: { allergens: ["wheat"] },
  nut: { allergens: ["peanut", "tree_nut"], freeDiet: "nut_free" },
  ...each("peanut, peanut butter, groundnut", { allergens: ["peanut"] }),
  ...each("tree nut, pine nut, almond, cashew, walnut, pecan, pistachio, hazelnut, macadamia", { allergens: ["tree_nut"] }),
  ...each("soy, soya, soybean, tofu", { allergens: ["soy"] }),
  ...each("sesame, tahini", { allergens: ["sesame"] }),
  // "no sugar", "sugar-free", "cutting out sugar": the low_sugar diet (no added sugar, syrup or honey).
  ...each("sugar, added sugar, sweetener", { diets: ["low_sugar"] }),
};

let foods: Lexicon | undefined;

/** The foods as a trigger lexicon (one label per food, named by its key), read by the parser's matcher. */
export function foodLexicon(): Lexicon {
  foods ??= new CompiledLexicon({
    version: 1,
    categories: { food: "foods a person can rule out" },
    labels: Object.keys(FOOD_ITEMS).map((name) => ({ name, category: "food", description: name, triggers: [name] })),
  });
  return foods;
}

/** Words that state a diet on their own ("I'm vegan"). */
export const DIET_WORDS: Readonly<Record<string, Diet>> = {
  vegan: "vegan",
  vegetarian: "vegetarian",
  meatless: "vegetarian",
  // No pescatarian flag exists; vegetarian is the safe approximation (no meat ever slips through).
  pescatarian: "vegetarian",
  celiac: "gluten_free",
  coeliac: "gluten_free",
  halal: "halal",
  kosher: "kosher",
  // Diabetes asks for little sugar: the dishes must carry no added sugar.
  diabetic: "low_sugar",
  diabetes: "low_sugar",
  prediabetic: "low_sugar",
};

/** Nouns that turn a preceding food into an allergy or intolerance ("peanut allergy"). */
export const ALLERGY_NOUNS: ReadonlySet<string> = new Set(["allergy", "intolerance", "intolerant", "sensitivity"]);

/** Misspellings and variants, as "canonical: variant variant ...". */
const TYPOS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "vegan: vegn vegam vegen veagn vgean vegna vgan veegan vegaan veganism vegans",
    "vegetarian: vegetarians vegetarianism",
    "pescatarian: pescetarian",
    "allergy: allergies allergen allergens",
    "intolerance: intolerances",
    "cheese: cheeses",
  ].flatMap((line) => {
    const [canonical = "", variants = ""] = line.split(": ");
    return variants.split(" ").map((variant) => [variant, canonical]);
  }),
);

/** Long, distinctive words worth fuzzy-matching; short ones ("vegan" vs "began") are not. */
const FUZZY_TARGETS =
  "vegetarian pescatarian allergic allergy allergies intolerant intolerance lactose shellfish celiac coeliac gluten peanut sesame seafood crustacean diabetic diabetes".split(
    " ",
  );

const KNOWN = new Set<string>([
  ...Object.keys(FOOD_ITEMS).flatMap((key) => key.split(" ")),
  ...Object.keys(DIET_WORDS),
  ...ALLERGY_NOUNS,
  ...FUZZY_TARGETS,
  ...["veggie", "plant", "based", "free"],
]);

/** Maps a lowercased word to its canonical spelling: known typos, plurals, then a small edit distance. */
export function canonicalWord(word: string): string {
  const typo = TYPOS[word];
  if (typo) return typo;
  if (KNOWN.has(word)) return word;
  if (word.endsWith("s") && KNOWN.has(word.slice(0, -1))) return word.slice(0, -1);
  if (word.endsWith("es") && KNOWN.has(word.slice(0, -2))) return word.slice(0, -2);
  if (word.length < 6) return word;
  for (const target of FUZZY_TARGETS) {
    // Typos rarely hit both of the first two letters; skipping those keeps fuzzy matching cheap.
    if (word[0] !== target[0] && word[1] !== target[1]) continue;
    const limit = word.length >= 9 && target.length >= 9 ? 2 : 1;
    const close = (w: string) => boundedEditDistance(w, target, limit) <= limit;
    if (close(word) || (word.endsWith("s") && close(word.slice(0, -1)))) return TYPOS[target] ?? target;
  }
  return word;
}
