// Dishes a person ruled out by naming them or what they are made of: "anything but pizza", "my partner hates seafood".
import type { Catalog } from "./catalog.js";
import { canonicalWord, FOOD_ITEMS } from "./constraint-vocabulary.js";
import { tokenize } from "./text/tokenize.js";
import { words } from "./text/word-list.js";

export interface DishExclusion {
  /** Positions in catalog.dishes of the dishes left out. */
  dishes: ReadonlySet<number>;
  /** The words that left at least one dish out, as the person wrote them (normalised). */
  words: string[];
}

/** Words under a negation that name no food, or too broadly: "anything", "tonight", "hot" (a dish named "Hot and Sour"). */
const NOT_FOOD_WORDS = new Set(
  words(`
    a an the and or of with in on for to too so very really just again please tonight today now more much any anything
    something everything stuff thing things food foods dish dishes meal meals eat eating hot cold warm sweet sour green red
    white black soft style classic house mixed fresh plain simple light rich small big heavy spicy this that week night
    time kind sort type
  `),
);
/** A word this long may end a compound dish name: "burger" in "cheeseburger". */
const COMPOUND_MIN = 5;

let index: Map<string, number[]> | undefined;
let indexed: Catalog | undefined;

/** Each word of a dish's name and ingredients (and its singular) -> dish positions; built on the first negated food. */
function dishWords(catalog: Catalog): Map<string, number[]> {
  if (index && indexed === catalog) return index;
  const built = new Map<string, number[]>();
  const add = (word: string, at: number): void => {
    for (const form of [word, singular(word)]) {
      const list = built.get(form) ?? [];
      if (list[list.length - 1] !== at) list.push(at);
      built.set(form, list);
    }
  };
  catalog.dishes.forEach((dish, at) => {
    for (const token of tokenize(dish.name)) if (token.kind === "word") add(token.norm, at);
    for (const ingredient of dish.ingredients) for (const part of ingredient.split("_")) add(part, at);
  });
  index = built;
  indexed = catalog;
  return built;
}

function singular(word: string): string {
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("oes") || word.endsWith("ches") || word.endsWith("shes")) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && word.length > 3) return word.slice(0, -1);
  return word;
}

/** The dishes the negated words rule out: by name or ingredient word, and by the food groups they name (seafood, meat). */
export function excludedDishes(catalog: Catalog, negatedWords: readonly string[]): DishExclusion {
  const dishes = new Set<number>();
  const used: string[] = [];
  const byWord = negatedWords.length > 0 ? dishWords(catalog) : new Map<string, number[]>();
  for (const word of negatedWords) {
    if (word.length < 3 || NOT_FOOD_WORDS.has(word)) continue;
    const before = dishes.size;
    const form = singular(word);
    for (const at of byWord.get(word) ?? byWord.get(form) ?? []) dishes.add(at);
    if (form.length >= COMPOUND_MIN)
      catalog.dishes.forEach((dish, at) => {
        for (const token of tokenize(dish.name)) if (token.kind === "word" && token.norm.endsWith(form)) dishes.add(at);
      });
    const effect = FOOD_ITEMS[canonicalWord(word)];
    if (effect)
      catalog.dishes.forEach((dish, at) => {
        if (effect.allergens?.some((allergen) => dish.allergens.includes(allergen))) dishes.add(at);
        if (effect.diets?.some((diet) => !dish.diet.includes(diet))) dishes.add(at);
      });
    if (dishes.size > before && !used.includes(word)) used.push(word);
  }
  return { dishes, words: used };
}
