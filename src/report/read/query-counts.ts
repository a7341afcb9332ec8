import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";

const HOUR_MS = 3_600_000;
/** Longest a completed query can run (the LLM budget is at most 10 minutes): how far back a boundary looks. */
const LONGEST_QUERY_MS = HOUR_MS;
const NONE = "none";

/** Completed queries of one day (or week): from the hourly rollups of moodfood_queries_total. */
export interface QueryTally {
  total: number;
  errors: number;
  decisions: Map<string, number>;
  modelVersions: Map<string, number>;
}

const newTally = (): QueryTally => ({ total: 0, errors: 0, decisions: new Map(), modelVersions: new Map() });

function add(tally: QueryTally, labels: { status?: string; decision?: string; model_version?: string }, n: number): void {
  tally.total += n;
  if (labels.status === "error") tally.errors += n;
  const decision = labels.decision ?? NONE;
  const version = labels.model_version ?? NONE;
  tally.decisions.set(decision, (tally.decisions.get(decision) ?? 0) + n);
  tally.modelVersions.set(version, (tally.modelVersions.get(version) ?? 0) + n);
}

export function sumTallies(days: readonly QueryTally[]): QueryTally {
  const week = newTally();
  for (const day of days) {
    week.total += day.total;
    week.errors += day.errors;
    for (const [k, v] of day.decisions) week.decisions.set(k, (week.decisions.get(k) ?? 0) + v);
    for (const [k, v] of day.modelVersions) week.modelVersions.set(k, (week.modelVersions.get(k) ?? 0) + v);
  }
  return week;
}

/** The hour a day's rollups start at: the clock hour holding its first instant. */
const firstHourOf = (instant: number) => Math.floor(instant / HOUR_MS);

/**
 * Completed queries per day of the week. The rollups count a query in the hour it ended, and a day's
 * rows are the hours from the one holding its first instant; queries that started before a day
 * boundary but are counted after it (they ended after the boundary's hour began) are read from the
 * traces (index range) and moved back, so each day counts the queries that started in it exactly.
 */
export async function readQueryCounts(store: Store, period: WeekPeriod): Promise<QueryTally[]> {
  const { bounds } = period;
  const hours = bounds.map(firstHourOf);
  const days = Array.from({ length: 7 }, newTally);
  let day = 0;
  const rows = await store.report.counterHours("moodfood_queries_total", hours[0] as number, hours[7] as number);
  rows.sort((a, b) => a.hour - b.hour);
  for (const row of rows) {
    while (row.hour >= (hours[day + 1] as number)) day++;
    add(days[day] as QueryTally, row.labels, row.value);
  }
  for (const [i, boundary] of bounds.entries()) {
    const hourStart = (hours[i] as number) * HOUR_MS;
    for (const c of await store.report.crossing(hourStart - LONGEST_QUERY_MS, boundary, hourStart)) {
      const labels = {
        status: c.status === "ok" ? "ok" : "error",
        decision: c.final_decision ?? NONE,
        model_version: c.model_version ?? NONE,
      };
      if (i < 7) add(days[i] as QueryTally, labels, -c.n);
      if (i > 0) add(days[i - 1] as QueryTally, labels, c.n);
    }
  }
  return days;
}
