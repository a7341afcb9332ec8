import type { DayPart } from "./phrase-bank/situation.js";
import { type Rng, weightedPick } from "./prng.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface Peak {
  hour: number;
  spreadHours: number;
  share: number;
}

// Traffic clusters around meals; the rest is spread thinly over the day and night.
const MEAL_PEAKS: readonly Peak[] = [
  { hour: 8, spreadHours: 0.9, share: 0.14 },
  { hour: 12.6, spreadHours: 0.8, share: 0.26 },
  { hour: 16, spreadHours: 1, share: 0.08 },
  { hour: 19.3, spreadHours: 1.1, share: 0.3 },
  { hour: 23.3, spreadHours: 1.2, share: 0.08 },
];
const BACKGROUND_SHARE = 0.14;
const BACKGROUND: Peak = { hour: Number.NaN, spreadHours: 0, share: BACKGROUND_SHARE };

/** Milliseconds into a day at which someone asks, with peaks at breakfast, lunch, dinner and late night. */
export function sampleTimeOfDay(rng: Rng): number {
  const peak = weightedPick(rng, [...MEAL_PEAKS, BACKGROUND], (p) => p.share);
  if (peak === BACKGROUND) return Math.floor(rng.next() * DAY_MS);
  const hour = peak.hour + rng.normal() * peak.spreadHours;
  return Math.floor((((hour * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS);
}

export function dayPartAt(msIntoDay: number): DayPart {
  const hour = msIntoDay / HOUR_MS;
  if (hour >= 5 && hour < 11) return "morning";
  if (hour >= 11 && hour < 15) return "midday";
  if (hour >= 15 && hour < 18) return "afternoon";
  if (hour >= 18 && hour < 22) return "evening";
  return "night";
}
