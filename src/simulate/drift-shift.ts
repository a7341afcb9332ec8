import type { Season } from "./phrase-bank/situation.js";

/** `stationary`: every day from the same distributions; `drifted`: summer moods and new situations. */
export type Era = "stationary" | "drifted";

/** Day `dayNumber` (1 = the oldest) is drifted from `driftDay` on; no drift day means stationary throughout. */
export function eraOfDay(dayNumber: number, driftDay: number | null): Era {
  return driftDay !== null && dayNumber >= driftDay ? "drifted" : "stationary";
}

// The stationary history is late autumn (cold and rain, the odd warm spell); the drift jumps to summer.
const SEASON_WEIGHT: Record<Era, Record<Season, number>> = {
  stationary: { any: 1, cold: 1, hot: 0.15 },
  drifted: { any: 0.8, cold: 0.05, hot: 2 },
};

export function seasonWeight(season: Season, era: Era): number {
  return SEASON_WEIGHT[era][season];
}
