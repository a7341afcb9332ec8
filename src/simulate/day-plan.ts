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
  /** Epoch ms of 00:00 UTC of that day. */
  start: number;
  count: number;
  era: Era;
}

// A returning user base: a few regulars ask often, most people now and then.
const USERS = 600;

/** Exactly `spec.count` queries over the day, in time order, clustered around meals. */
export function planDay(spec: DaySpec, rng: Rng): PlannedQuery[] {
  const offsets = Array.from({ length: spec.count }, () => sampleTimeOfDay(rng)).sort((a, b) => a - b);
  return offsets.map((offset) => {
    const part = dayPartAt(offset);
    const situation = pickSituation(rng, part, spec.era);
    const { text, intended } = composeQuery(situation, part, rng);
    const user = Math.floor(USERS * rng.next() ** 2);
    return {
      at: spec.start + offset,
      day: spec.day,
      situationId: situation.id,
      text,
      intended,
      userId: `sim-user-${String(user).padStart(4, "0")}`,
      sessionId: `sim-${spec.day}-${user}-${part}`,
    };
  });
}
