// Dish types a person asks for by name ("egg allergy, want pasta"): the catalog's own words find the dishes.
import type { Catalog } from "./catalog.js";
import { tokenize } from "./text/tokenize.js";
import { listHas } from "./text/word-list.js";

/** Kinds of dish a person names as a wish, singular; broad ingredients ("rice") and vessels ("bowl") are not kinds. */
const DISH_TYPES = "pasta noodle soup salad curry stew sandwich wrap pizza burger dumpling taco pancake pie cake omelette";

/** How a type reads in a reason: "comforting noodles", not "comforting noodle". */
const SAID_PLURAL = new Set(["noodle", "dumpling", "taco"]);

export interface DishWish {
  /** The dish types wished for, singular, in the order said. */
  words: string[];
  /** Positions in catalog.dishes of the dishes of a wished type, with the type as a reason says it ("noodles"). */
  dishes: ReadonlyMap<number, string>;
}

const NO_WISH: DishWish = { words: [], dishes: new Map() };

function singular(word: string): string {
  if (word.endsWith("ches") || word.endsWith("shes")) return word.slice(0, -2);
  return word.endsWith("s") && !word.endsWith("ss") && word.length > 3 ? word.slice(0, -1) : word;
}

/** The dish types the text asks for, leaving out any it rules out ("tired of pasta"). */
export function wishedTypes(text: string, negatedWords: readonly string[]): string[] {
  const ruledOut = new Set(negatedWords.map(singular));
  const wished: string[] = [];
  for (const token of tokenize(text)) {
    if (token.kind !== "word") continue;
    const word = singular(token.norm);
    if (listHas(DISH_TYPES, word) && !ruledOut.has(word) && !wished.includes(word)) wished.push(word);
  }
  return wished;
}

/** The dishes of each wished type: by a word of the name, an ingredient or the description ("bean soup with small pasta"). */
export function wishedDishes(catalog: Catalog, types: readonly string[]): DishWish {
  if (types.length === 0) return NO_WISH;
  const dishes = new Map<number, string>();
  const said = (type: string): string => (SAID_PLURAL.has(type) ? `${type}s` : type);
  catalog.dishes.forEach((dish, at) => {
    // A long type may end a compound name ("burger" in "Cheeseburger"), never an ingredient's ("hamburger bun").
    for (const token of tokenize(dish.name)) {
      const word = token.kind === "word" ? singular(token.norm) : "";
      const type = types.find((t) => t.length >= 5 && word.endsWith(t));
      if (type && !dishes.has(at)) dishes.set(at, said(type));
    }
    for (const token of tokenize(`${dish.ingredients.join(" ").replaceAll("_", " ")} ${dish.description}`)) {
      const word = token.kind === "word" ? singular(token.norm) : "";
      if (types.includes(word) && !dishes.has(at)) dishes.set(at, said(word));
    }
  });
  return { words: [...types], dishes };
}
