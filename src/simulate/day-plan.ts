import { composeQuery } from "./compose-query.js";
import type { Era } from "./drift-shift.js";
import type { Rng } from "./prng.js";
import { pickSituation } from "./query-mix.js";
import { dayPartAt, sampleTimeOfDay } from "./time-of-day.js";

/** One query the simulation will run, and who asked it when. */
export interface PlannedQuery {
  /** Epoch ms the query starts at (the injected clock). */
  at: number;
  /** 1 = the oldest simulated day. */
  day: number;
  situationId: string;
  text: string;
  /** What the person meant: feedback judges the answer against it. */
  intended: string[];
  userId: string;
  sessionId: string;
}

export interface DaySpec {
  day: number;
  /** Epoch ms the day's 24 hours start at (any time of day: history ends at the current time). */
  start: number;
  count: number;
  era: Era;
}

// A returning user base: a few regulars ask often, most people now and then.
const USERS = 600;

const DAY_MS = 86_400_000;

/** Exactly `spec.count` queries in [start, start + 24 h), in time order, clustered around UTC meal times. */
export function planDay(spec: DaySpec, rng: Rng): PlannedQuery[] {
  const startTimeOfDay = ((spec.start % DAY_MS) + DAY_MS) % DAY_MS;
  // A time of day maps to the one instant of the 24 hours that has it, wherever the period starts.
  const offsetOf = (timeOfDay: number) => (timeOfDay - startTimeOfDay + DAY_MS) % DAY_MS;
  const timesOfDay = Array.from({ length: spec.count }, () => sampleTimeOfDay(rng)).sort((a, b) => offsetOf(a) - offsetOf(b));
  return timesOfDay.map((timeOfDay) => {
    const part = dayPartAt(timeOfDay);
    const situation = pickSituation(rng, part, spec.era);
    const { text, intended } = composeQuery(situation, part, rng);
    const user = Math.floor(USERS * rng.next() ** 2);
    return {
      at: spec.start + offsetOf(timeOfDay),
      day: spec.day,
      situationId: situation.id,
      text,
      intended,
      userId: `sim-user-${String(user).padStart(4, "0")}`,
      sessionId: `sim-${spec.day}-${user}-${part}`,
    };
  });
}
