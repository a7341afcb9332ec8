import type { Dish } from "./catalog.js";
import { CORE_LABELS } from "./taxonomy.js";

export interface RankedDish {
  dish: Dish;
  score: number;
}

/** Trade-off of maximal marginal relevance: 1 is pure score order, lower favours variety. */
const LAMBDA = 0.8;
/** Dishes from one cuisine in an answer, unless the person asked for that cuisine. */
const PER_CUISINE = 2;

/** Each dish tag as a bit, split over two 32-bit words (there are more than 32 dish tags). */
const TAG_BIT = new Map<string, number>(CORE_LABELS.map((label, i) => [label, i]));

interface TagMask {
  low: number;
  high: number;
}

/**
 * Picks `top` dishes from `ranked` (best first) so the answer is not five near-identical dishes:
 * an MMR re-rank that penalises sharing most tags (or the main ingredient) with a dish already
 * chosen, and a cap per cuisine that is lifted for requested cuisines and when nothing else is left.
 */
export function diversify(ranked: readonly RankedDish[], top: number, requestedCuisines: ReadonlySet<string>): RankedDish[] {
  const pool = ranked;
  const chosen: RankedDish[] = [];
  const perCuisine = new Map<string, number>();
  for (const capped of [true, false]) {
    while (chosen.length < top) {
      let best: RankedDish | undefined;
      let bestValue = -Infinity;
      for (const candidate of pool) {
        if (chosen.includes(candidate)) continue;
        const cuisine = candidate.dish.cuisine;
        if (capped && !requestedCuisines.has(cuisine) && (perCuisine.get(cuisine) ?? 0) >= PER_CUISINE) continue;
        let similarity = 0;
        for (const picked of chosen) similarity = Math.max(similarity, dishSimilarity(candidate.dish, picked.dish));
        const value = LAMBDA * candidate.score - (1 - LAMBDA) * similarity;
        // Strictly greater keeps the earlier (better-ranked, then lower id) dish on ties: deterministic.
        if (value > bestValue) {
          best = candidate;
          bestValue = value;
        }
      }
      if (!best) break;
      chosen.push(best);
      perCuisine.set(best.dish.cuisine, (perCuisine.get(best.dish.cuisine) ?? 0) + 1);
    }
  }
  return chosen;
}

/** Similarity in [0, 1]: mostly tag overlap (Jaccard), partly sharing the main (first) ingredient. */
function dishSimilarity(a: Dish, b: Dish): number {
  const ma = tagMask(a);
  const mb = tagMask(b);
  const union = popcount(ma.low | mb.low) + popcount(ma.high | mb.high);
  const shared = popcount(ma.low & mb.low) + popcount(ma.high & mb.high);
  const tags = union === 0 ? 0 : shared / union;
  return 0.8 * tags + 0.2 * (a.ingredients[0] === b.ingredients[0] ? 1 : 0);
}

/** Computed on first use and kept per dish, so loading the catalog does not pay for it. */
const masks = new WeakMap<Dish, TagMask>();

function tagMask(dish: Dish): TagMask {
  const cached = masks.get(dish);
  if (cached) return cached;
  const mask = { low: 0, high: 0 };
  for (const tag of dish.tags) {
    const bit = TAG_BIT.get(tag);
    if (bit === undefined) continue;
    if (bit < 32) mask.low |= 1 << bit;
    else mask.high |= 1 << (bit - 32);
  }
  masks.set(dish, mask);
  return mask;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
