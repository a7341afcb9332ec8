/** Part of the day a situation belongs to (weights traffic towards plausible hours). */
export type DayPart = "morning" | "midday" | "afternoon" | "evening" | "night";
/** Season a situation belongs to: the stationary mix is late autumn, the drifted mix summer. */
export type Season = "any" | "cold" | "hot";

/**
 * One thing a person might be going through, with several ways to say it.
 * Phrasings may hold slots: {meal} (from the time of day), {food}, {who}, {when}.
 */
export interface Situation {
  id: string;
  /** What a careful reader would label it: the simulated user judges the answer against these. */
  labels: string[];
  phrasings: string[];
  /** Relative share of traffic. */
  weight: number;
  season?: Season;
  when?: DayPart[];
}
