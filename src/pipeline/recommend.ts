import type { Catalog, Dish } from "./catalog.js";
import { allowedDishes, requiredDiets } from "./dish-filter.js";
import { matchReason, needReason, popularReason } from "./dish-reason.js";
import { blendScore, impliedScores, matchedLabels, relevanceScores, weighLabels } from "./dish-score.js";
import { diversify, type RankedDish } from "./diversify.js";
import { categoryOf } from "./taxonomy.js";
import type { Allergen, Diet, Recommendation } from "./types.js";

export interface RecommendRequest {
  /** Labels from the decide stage, best first. */
  labels: string[];
  diets: Diet[];
  allergens: Allergen[];
  negatedLabels: string[];
  /** Dishes ruled out by name or ingredient ("anything but pizza"), by position in the catalog. */
  excludedDishes?: ReadonlySet<number>;
  /** Dishes of a type the person named as a wish ("want pasta"), by position, with the type. */
  wishedDishes?: ReadonlyMap<number, string>;
  top: number;
  /** default_fallback: nothing confident, so answer with popular, broadly safe dishes. */
  fallback: boolean;
}

/** Candidates per tier: fixed, so what is chosen never depends on how many are asked for. */
const POOL_SIZE = 60;
/** Dishes that meet only an implied need score at most this share: they follow every direct match. */
const IMPLIED_SCORE_SCALE = 0.6;
/** Fallback scores are capped well below a real match so they never look confident. */
const FALLBACK_SCORE_SCALE = 0.5;
/** Spicy dishes drop this much popularity as default picks: not everyone wants chili when we could not read the mood. */
const SPICY_PENALTY = 0.3;

/**
 * Ranks the catalog for a request: hard diet/allergen/negation filters, label scoring, then a varied top N in three
 * tiers (direct matches, dishes meeting an implied need, popular picks), each in the order diversity picked it.
 */
export function recommend(catalog: Catalog, request: RecommendRequest): Recommendation[] {
  const top = Math.max(0, Math.floor(request.top));
  if (top === 0) return [];
  const negated = new Set(request.negatedLabels);
  const allowed = allowedDishes(catalog, requiredDiets(request.diets, request.labels), request.allergens, negated);
  for (const index of request.excludedDishes ?? []) allowed[index] = 0;
  const weighted = request.fallback ? [] : weighLabels(request.labels.filter((label) => !negated.has(label)));
  const wished = request.wishedDishes ?? new Map<number, string>();
  const relevance = relevanceScores(catalog, weighted, wished);
  const wishOf = new Map<Dish, string>();
  for (const [index, type] of wished) wishOf.set(catalog.dishes[index] as Dish, type);
  const implied = impliedScores(catalog, weighted);

  const requestedCuisines = new Set(weighted.filter((w) => categoryOf(w.label) === "cuisine").map((w) => w.label.slice("cuisine_".length)));
  // The pool never depends on `top`, and picks are never re-sorted: the top N is the first N of the top M (DESIGN §3).
  const matches = bestOf(catalog, POOL_SIZE, (dish, i) =>
    allowed[i] && (relevance[i] ?? 0) > 0 ? blendScore(relevance[i] ?? 0, dish) : -1,
  );
  const answer = diversify(matches, top, requestedCuisines).map((r) =>
    present(r, withDescription(r.dish, matchReason(r.dish, matchedLabels(r.dish, weighted), wishOf.get(r.dish)))),
  );
  if (answer.length < top) {
    // Next, dishes that meet only a need the request implies (tired -> energising): better than generic picks.
    const needed = bestOf(catalog, POOL_SIZE, (dish, i) =>
      allowed[i] && !(relevance[i] ?? 0) && (implied[i] ?? 0) > 0 ? IMPLIED_SCORE_SCALE * blendScore(implied[i] ?? 0, dish) : -1,
    );
    answer.push(
      ...diversify(needed, top - answer.length, requestedCuisines).map((r) =>
        present(r, withDescription(r.dish, needReason(matchedLabels(r.dish, weighted)))),
      ),
    );
  }
  if (answer.length < top) {
    // Too few matches (or none, as in default_fallback): fill up with popular, broadly safe dishes.
    const popular = bestOf(catalog, POOL_SIZE, (dish, i) =>
      allowed[i] && !(relevance[i] ?? 0) && !(implied[i] ?? 0) ? defaultScore(dish) : -1,
    );
    answer.push(...diversify(popular, top - answer.length, new Set()).map((r) => present(r, popularReason(r.dish))));
  }
  return answer;
}

/** "Rich pork-bone broth with … — warm and comforting for a cold day.": what the dish is, then why it fits. */
function withDescription(dish: Dish, why: string): string {
  return `${dish.description.charAt(0).toUpperCase()}${dish.description.slice(1)} — ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
}

function present({ dish, score }: RankedDish, reason: string): Recommendation {
  return { name: dish.name, cuisine: dish.cuisine, score: Math.round(score * 1000) / 1000, reason, diet: [...dish.diet] };
}

function defaultScore(dish: Dish): number {
  return FALLBACK_SCORE_SCALE * Math.max(0, dish.popularity - (dish.tags.includes("sensory_spicy") ? SPICY_PENALTY : 0));
}

/** The `size` best dishes by `scoreOf` (negative = skip), best first: a bounded insertion, no full sort per query. */
function bestOf(catalog: Catalog, size: number, scoreOf: (dish: Dish, index: number) => number): RankedDish[] {
  const best: RankedDish[] = [];
  for (let i = 0; i < catalog.dishes.length; i++) {
    const dish = catalog.dishes[i] as Dish;
    const score = scoreOf(dish, i);
    if (score < 0) continue;
    const entry = { dish, score };
    if (best.length === size && byScoreThenId(entry, best[size - 1] as RankedDish) >= 0) continue;
    let at = best.length;
    while (at > 0 && byScoreThenId(entry, best[at - 1] as RankedDish) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > size) best.pop();
  }
  return best;
}

function byScoreThenId(a: RankedDish, b: RankedDish): number {
  return b.score - a.score || (a.dish.id < b.dish.id ? -1 : a.dish.id > b.dish.id ? 1 : 0);
}
