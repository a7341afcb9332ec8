import {
  ALLERGY_NOUNS,
  canonicalWord,
  DIET_WORDS,
  FOOD_ITEMS,
  type FoodGroup,
  foodLexicon,
  type ItemEffect,
} from "./constraint-vocabulary.js";
import { sharedLexicon } from "./providers/local/lexicon.js";
import { analyseText, findMatches } from "./providers/local/match.js";
import { FOOD_EXCLUDERS, STATE_CANCELLERS } from "./text/negators.js";
import type { Token } from "./text/tokenize.js";
import { ALLERGENS, type Allergen, DIETS, type Diet } from "./types.js";

export interface Constraints {
  diets: Diet[];
  allergens: Allergen[];
  /** Diets and allergies the person asked for that no dish flag can honour ("keto", "allergic to kiwi"), as said. */
  unsupported: string[];
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/));

/** Diets people ask for that the catalog carries no flag for: said back in a notice, never silently dropped. */
const UNSUPPORTED_DIETS = words("keto ketogenic paleo whole30 fodmap jain carnivore atkins");
/** Second words that make an unsupported diet of "low", "no" or "<x> free": "low carb", "no salt", "fat free". */
const UNSUPPORTED_NUTRIENTS = words("carb carbs sodium salt fat cholesterol purine potassium");

/** Where a clause ends; negation does not reach across these (punctuation reads as "." or ","). */
const CLAUSE_BREAKS = words(". , but though although because so and yet");
const MODALS = words("can do does will should must");
/** Words that may sit between an excluder and the foods, or between foods in a list. */
const FILLERS = words(
  "any anything a an the more with containing made kind sort of eat have do handle tolerate digest consume touch stand drink or and nor , also even real regular",
);

/** Diets and allergies stated in free text: "I'm vegan", "celiac", "allergic to shellfish", "no meat or dairy". */
export function extractConstraints(text: string): Constraints {
  const { words: tokens, items } = readConstraintText(text);
  const diets = new Set<Diet>();
  const allergens = new Set<Allergen>();
  const groups = new Set<FoodGroup>();
  const apply = (effect: ItemEffect, asFree = false) => {
    if (asFree && effect.freeDiet) diets.add(effect.freeDiet);
    else {
      for (const diet of effect.diets ?? []) diets.add(diet);
      for (const allergen of effect.allergens ?? []) allergens.add(allergen);
    }
    if (effect.group) groups.add(effect.group);
  };

  let insideItem = -1;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] ?? "";
    const stated = statedDiet(tokens, i);
    if (stated && !negatedBefore(tokens, i)) diets.add(stated);

    const listStart = exclusionListStart(tokens, i);
    if (listStart !== null) {
      const { effects, end } = readFoodList(tokens, items, listStart);
      const deniesAllergy = ALLERGY_NOUNS.has(tokens[end] ?? "") && word !== "allergic" && word !== "allergy" && word !== "intolerant";
      const negated = !FOOD_EXCLUDERS.has(word) && !MODALS.has(word) && negatedBefore(tokens, i);
      if (!deniesAllergy && !negated) for (const effect of effects) apply(effect);
    }

    const item = i >= insideItem ? (items.get(i) ?? null) : null;
    if (item) {
      insideItem = i + item.length;
      const next = tokens[i + item.length] ?? "";
      if ((next === "free" || ALLERGY_NOUNS.has(next)) && !negatedBefore(tokens, i)) apply(item.effect, next === "free");
      else if (hurtsAfter(tokens, i + item.length) || keptAway(tokens, i, item.length)) apply(item.effect);
    }
  }
  if (groups.has("meat") && groups.has("dairy") && groups.has("egg")) diets.add("vegan");
  // A nut or milk allergy means the person eats nut-free or dairy-free dishes.
  if (allergens.has("peanut") || allergens.has("tree_nut")) diets.add("nut_free");
  if (allergens.has("milk")) diets.add("dairy_free");
  if (diets.has("vegan")) {
    diets.delete("vegetarian");
    diets.delete("dairy_free");
  }
  return {
    diets: DIETS.filter((d) => diets.has(d)),
    allergens: ALLERGENS.filter((a) => allergens.has(a)),
    unsupported: unsupportedConstraints(tokens, items),
  };
}

/** "keto", "low carb", "no salt", "allergic to kiwi", "strawberry allergy": asked for, but no dish flag says it. */
function unsupportedConstraints(tokens: readonly string[], items: ReadonlyMap<number, Item>): string[] {
  const found = new Set<string>();
  const knownFoodAt = (i: number): boolean => {
    for (const [start, item] of items) if (i >= start && i < start + item.length) return true;
    return false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] ?? "";
    const next = tokens[i + 1] ?? "";
    if (UNSUPPORTED_DIETS.has(word) && !negatedBefore(tokens, i)) found.add(word);
    if ((word === "low" || word === "no") && UNSUPPORTED_NUTRIENTS.has(next)) found.add(`${word} ${next.replace(/s$/, "")}`);
    if (UNSUPPORTED_NUTRIENTS.has(word) && next === "free") found.add(`${word.replace(/s$/, "")} free`);
    const food = (word === "allergic" || word === "allergy") && next === "to" ? i + 2 : ALLERGY_NOUNS.has(next) ? i : -1;
    const named = tokens[food] ?? "";
    if (food >= 0 && /^[a-z]{3,}$/.test(named) && !knownFoodAt(food) && !NOT_FOODS.has(named) && !negatedBefore(tokens, food))
      found.add(`${named} allergy`);
  }
  return [...found];
}

/** Words before "allergy" or after "allergic to" that name no food: "my allergy", "seasonal allergies", "allergic to cats". */
const NOT_FOODS = words(
  "my his her their your our food foods seasonal season hay fever sinus spring skin pollen dust cat cats dog dogs pet pets bee bees latex penicillin medicine mold mould grass the a an any some no severe bad mild serious life threatening anything everything something",
);

/** Parses the `--diet` flag ("vegan,gluten_free"); throws a RangeError naming the valid values. */
export function parseDietList(list: string): Diet[] {
  const diets: Diet[] = [];
  for (const raw of list.split(",")) {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/-/g, "_")
      .replace(/^diet_/, "");
    if (name === "") continue;
    const diet = DIETS.find((d) => d === name);
    if (!diet) throw new RangeError(`unknown diet "${raw.trim()}"; valid diets: ${DIETS.join(", ")}`);
    if (!diets.includes(diet)) diets.push(diet);
  }
  return diets;
}

interface Item {
  effect: ItemEffect;
  length: number;
}

/**
 * The shared tokens of the text (the parser's, tokenised once per query) as canonical words, punctuation as "," or
 * ".", and the foods in them found by the parser's matcher in the food lexicon, by the token they start at.
 */
function readConstraintText(text: string): { words: string[]; items: Map<number, Item> } {
  const tokens: Token[] = [];
  for (const token of analyseText(text, sharedLexicon()).tokens) {
    if (token.kind === "word") tokens.push({ ...token, norm: canonicalWord(token.norm) });
    else if (token.kind === "punct") tokens.push({ ...token, norm: /^,+$/.test(token.norm) ? "," : "." });
  }
  const items = new Map<number, Item>();
  for (const match of findMatches(tokens, foodLexicon())) {
    const effect = FOOD_ITEMS[match.pattern.labels[0]?.label ?? ""];
    if (effect) items.set(match.start, { effect, length: match.end - match.start });
  }
  return { words: tokens.map((token) => token.norm), items };
}

function statedDiet(tokens: readonly string[], i: number): Diet | null {
  const word = tokens[i] ?? "";
  const direct = DIET_WORDS[word];
  if (direct) return direct;
  if (word === "plant" && tokens[i + 1] === "based") return "vegan";
  if (word === "low" && tokens[i + 1] === "sugar") return "low_sugar";
  // "veggie" is a diet only as a self-description ("I'm veggie", "veggie here"), not in "veggie burger".
  if (word === "veggie") {
    const before = tokens[i - 1] ?? "";
    const after = tokens[i + 1] ?? "";
    if (
      ["im", "am", "are", "were", "is", "strictly"].includes(before) ||
      ["here", "diet", "only", "friendly", "."].includes(after) ||
      after === ""
    ) {
      return "vegetarian";
    }
  }
  return null;
}

function negatedBefore(tokens: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const word = tokens[j] ?? "";
    if (CLAUSE_BREAKS.has(word)) return false;
    if (STATE_CANCELLERS.has(word)) return true;
  }
  return false;
}

/** Index where a list of ruled-out foods starts after the word at i, or null when i starts no such list. */
function exclusionListStart(tokens: readonly string[], i: number): number | null {
  const word = tokens[i] ?? "";
  const next = tokens[i + 1];
  if (FOOD_EXCLUDERS.has(word)) return i + 1;
  if (MODALS.has(word) && next === "not") return i + 2;
  if ((word === "allergic" || word === "allergy" || word === "intolerant" || word === "sensitive") && next === "to") return i + 2;
  // "reacts to dairy", "react badly to nuts", "EpiPen for cashews": intolerances and allergies said plainly.
  if (REACTS.has(word) && next === "to") return i + 2;
  if (REACTS.has(word) && tokens[i + 2] === "to" && (next === "badly" || next === "bad")) return i + 3;
  if (word === "epipen" && (next === "for" || next === "because")) return i + 2;
  if (word === "free" && next === "of") return i + 2;
  return null;
}

const REACTS = words("react reacts reacting reacted");
const HURT_VERBS = words("make makes made give gives gave upset upsets");
const HURTS = words("me my bloated sick ill gassy");

/** "dairy makes me bloated", "cheese gives me a stomach ache", "gluten doesn't agree with me". */
function hurtsAfter(tokens: readonly string[], at: number): boolean {
  const verb = tokens[at] ?? "";
  if (HURT_VERBS.has(verb)) return HURTS.has(tokens[at + 1] ?? "");
  return (verb === "doesnt" || verb === "dont") && tokens[at + 1] === "agree";
}

/** "keep nuts far away", "keep the dairy away from me". */
function keptAway(tokens: readonly string[], start: number, length: number): boolean {
  const before = tokens.slice(Math.max(0, start - 2), start);
  const after = tokens.slice(start + length, start + length + 3);
  return before.includes("keep") && after.includes("away");
}

function readFoodList(tokens: readonly string[], items: ReadonlyMap<number, Item>, start: number): { effects: ItemEffect[]; end: number } {
  const effects: ItemEffect[] = [];
  let pos = start;
  while (pos < tokens.length) {
    const item = items.get(pos);
    if (item) {
      effects.push(item.effect);
      pos += item.length;
    } else if (FILLERS.has(tokens[pos] ?? "")) pos++;
    else break;
  }
  return { effects, end: pos };
}
