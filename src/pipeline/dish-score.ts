import type { Catalog, Dish } from "./catalog.js";
import { categoryOf } from "./taxonomy.js";

/** A label the ranker scores against, with how much a match is worth. */
export interface WeightedLabel {
  label: string;
  weight: number;
  /** True when the label was not asked for but follows from one that was (cold -> warming). */
  implied: boolean;
}

/**
 * How much a match in each category is worth. A named cuisine is the most explicit wish a
 * person can make, so it dominates; health and mood decide what will actually help; weather,
 * goals and taste shape the dish; the meal slot matters; occasion and company only nudge.
 * Diet labels weigh nothing here: they are hard filters applied before scoring.
 */
const CATEGORY_WEIGHT: Readonly<Record<string, number>> = {
  cuisine: 3,
  health: 2,
  emotion: 1.5,
  weather: 1.5,
  goal: 1.25,
  sensory: 1.25,
  meal: 1.25,
  occasion: 0.75,
  social: 0.5,
};

/** Needs a state implies for ranking, as a fraction of the source label's weight. */
const IMPLIED: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  emotion_sad: { goal_comfort: 0.6 },
  emotion_stressed: { goal_comfort: 0.5, goal_calm: 0.5 },
  emotion_anxious: { goal_calm: 0.6, goal_light: 0.3 },
  emotion_tired: { goal_energy: 0.5, goal_quick: 0.5 },
  emotion_lonely: { goal_comfort: 0.5 },
  emotion_nostalgic: { goal_comfort: 0.5 },
  emotion_excited: { occasion_celebration: 0.4 },
  emotion_angry: { sensory_spicy: 0.3, sensory_crunchy: 0.3 },
  health_sick: { sensory_warming: 0.5, goal_light: 0.5, goal_hydration: 0.4 },
  health_hangover: { goal_hydration: 0.5, sensory_savory: 0.4 },
  weather_cold: { sensory_warming: 0.7, goal_comfort: 0.3 },
  weather_rainy: { sensory_warming: 0.5, goal_comfort: 0.4 },
  weather_hot: { sensory_refreshing: 0.7, goal_light: 0.4, goal_hydration: 0.3 },
  occasion_date: { social_couple: 0.6 },
  occasion_party: { social_group: 0.6 },
  meal_dessert: { sensory_sweet: 0.6 },
  // "something sweet" means a dessert more often than a sweet-glazed main.
  sensory_sweet: { meal_dessert: 0.5 },
};

/** The needs a label implies ("sensory_sweet" -> "meal_dessert"). */
export function impliedBy(label: string): string[] {
  return Object.keys(IMPLIED[label] ?? {});
}

/** A dish type named as a wish ("want pasta") is as explicit as a named cuisine. */
export const WISH_WEIGHT = 3;

/** Share of relevance that implied needs can add on top of the asked-for labels. */
const IMPLIED_SHARE = 0.2;
/** Labels arrive best first; later ones count a little less. */
const RANK_DECAY = 0.05;
/** Share of the final score given to popularity, so equally relevant dishes favour crowd-pleasers. */
export const POPULARITY_SHARE = 0.1;

/** The request's labels with their weights, plus the needs they imply; diet and unknown categories drop out. */
export function weighLabels(labels: readonly string[]): WeightedLabel[] {
  const weights = new Map<string, WeightedLabel>();
  labels.forEach((label, rank) => {
    const weight = (CATEGORY_WEIGHT[categoryOf(label)] ?? 0) * (1 - RANK_DECAY * Math.min(rank, 6));
    if (weight > 0 && !weights.has(label)) weights.set(label, { label, weight, implied: false });
  });
  for (const source of [...weights.values()]) {
    for (const [label, factor] of Object.entries(IMPLIED[source.label] ?? {})) {
      const weight = source.weight * factor;
      const existing = weights.get(label);
      if (!existing || (existing.implied && existing.weight < weight)) weights.set(label, { label, weight, implied: true });
    }
  }
  return [...weights.values()];
}

/**
 * Relevance of every dish in [0, 1]: the weighted share of the asked-for labels it matches,
 * with implied needs only refining the order (IMPLIED_SHARE) so they never outvote what the
 * person actually said. All cuisine labels together count once: a dish has one cuisine.
 */
export function relevanceScores(
  catalog: Catalog,
  weighted: readonly WeightedLabel[],
  wished: ReadonlyMap<number, string> = new Map(),
): Float64Array {
  const asked = new Float64Array(catalog.dishes.length);
  const implied = new Float64Array(catalog.dishes.length);
  let askedTotal = 0;
  let impliedTotal = 0;
  for (const { label, weight, implied: isImplied } of weighted) {
    if (categoryOf(label) === "cuisine") continue;
    const target = isImplied ? implied : asked;
    if (isImplied) impliedTotal += weight;
    else askedTotal += weight;
    const bucket = catalog.byTag.get(label) ?? [];
    for (let i = 0; i < bucket.length; i++) {
      const index = bucket[i] as number;
      target[index] = (target[index] ?? 0) + weight;
    }
  }
  const cuisines = weighted.filter((w) => categoryOf(w.label) === "cuisine");
  if (cuisines.length > 0) {
    const cuisineWeight = Math.max(...cuisines.map((w) => w.weight));
    askedTotal += cuisineWeight;
    const wanted = new Set(cuisines.map((w) => w.label.slice("cuisine_".length)));
    catalog.dishes.forEach((dish, index) => {
      if (wanted.has(dish.cuisine)) asked[index] = (asked[index] ?? 0) + cuisineWeight;
    });
  }
  if (wished.size > 0) {
    askedTotal += WISH_WEIGHT;
    for (const index of wished.keys()) asked[index] = (asked[index] ?? 0) + WISH_WEIGHT;
  }
  if (askedTotal === 0) return asked;
  const impliedShare = impliedTotal > 0 ? IMPLIED_SHARE : 0;
  for (let i = 0; i < asked.length; i++) {
    const impliedPart = impliedShare > 0 ? impliedShare * ((implied[i] ?? 0) / impliedTotal) : 0;
    // Implied needs alone never make a dish relevant: "cold" must not surface every warm dish with no tie to the request.
    asked[i] = (asked[i] ?? 0) > 0 ? (1 - impliedShare) * ((asked[i] ?? 0) / askedTotal) + impliedPart : 0;
  }
  return asked;
}

/** Share in [0, 1] of the implied needs each dish meets: orders the dishes that meet only an implied need. */
export function impliedScores(catalog: Catalog, weighted: readonly WeightedLabel[]): Float64Array {
  const scores = new Float64Array(catalog.dishes.length);
  let total = 0;
  for (const { label, weight, implied } of weighted) {
    if (!implied || categoryOf(label) === "cuisine") continue;
    total += weight;
    for (const index of catalog.byTag.get(label) ?? []) scores[index] = (scores[index] ?? 0) + weight;
  }
  if (total > 0) for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] ?? 0) / total;
  return scores;
}

/** The labels a dish matches, heaviest first: what its reason should mention. */
export function matchedLabels(dish: Dish, weighted: readonly WeightedLabel[]): WeightedLabel[] {
  return weighted
    .filter((w) => (categoryOf(w.label) === "cuisine" ? w.label === `cuisine_${dish.cuisine}` : dish.tags.includes(w.label)))
    .sort((a, b) => b.weight - a.weight || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)); // not localeCompare: it loads ICU collation (~20 ms cold)
}

/** Final score in [0, 1]: mostly relevance, a little popularity. */
export function blendScore(relevance: number, dish: Dish): number {
  return (1 - POPULARITY_SHARE) * relevance + POPULARITY_SHARE * dish.popularity;
}
