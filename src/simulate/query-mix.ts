import { type Era, seasonWeight } from "./drift-shift.js";
import { COMPANY_AND_WEATHER_SITUATIONS } from "./phrase-bank/company-and-weather.js";
import { MOOD_SITUATIONS } from "./phrase-bank/moods.js";
import { NEED_SITUATIONS } from "./phrase-bank/needs.js";
import type { DayPart, Situation } from "./phrase-bank/situation.js";
import { SUMMER_SITUATIONS } from "./phrase-bank/summer.js";
import { type Rng, weightedPick } from "./prng.js";

export const BASE_SITUATIONS: readonly Situation[] = [...MOOD_SITUATIONS, ...NEED_SITUATIONS, ...COMPANY_AND_WEATHER_SITUATIONS];
export const ALL_SITUATIONS: readonly Situation[] = [...BASE_SITUATIONS, ...SUMMER_SITUATIONS];

/** Situations tied to other parts of the day still happen, just rarely (breakfast at midnight). */
const OFF_HOURS_WEIGHT = 0.08;

/** Relative chance that someone at this part of the day, in this era, is in this situation. */
export function situationWeight(situation: Situation, part: DayPart, era: Era): number {
  if (era === "stationary" && SUMMER_SITUATIONS.includes(situation)) return 0;
  const timing = !situation.when || situation.when.includes(part) ? 1 : OFF_HOURS_WEIGHT;
  return situation.weight * timing * seasonWeight(situation.season ?? "any", era);
}

const weightTables = new Map<string, number[]>();

export function pickSituation(rng: Rng, part: DayPart, era: Era): Situation {
  const key = `${part}/${era}`;
  let weights = weightTables.get(key);
  if (!weights) {
    weights = ALL_SITUATIONS.map((s) => situationWeight(s, part, era));
    weightTables.set(key, weights);
  }
  const table = weights;
  return weightedPick(rng, ALL_SITUATIONS, (_, i) => table[i] ?? 0);
}
