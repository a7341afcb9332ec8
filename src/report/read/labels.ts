import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";

export interface LabelFacts {
  /** Answered queries' labels: how many queries carried each. */
  counts: Map<string, number>;
  /** Traces started in the week that never completed: still active, or abandoned. */
  unfinished: { active: number; abandoned: number };
}

/**
 * The figures that need rows: label counts and unfinished traces, from the traces that started in the
 * week (one pass over the traces_started_at range, grouped by label set in SQLite). Active traces older
 * than TRACE_CLEANUP_HOURS count as abandoned, as `trace list` shows them.
 */
export async function readLabels(store: Store, period: WeekPeriod, abandonedBefore: number): Promise<LabelFacts> {
  const counts = new Map<string, number>();
  const unfinished = { active: 0, abandoned: 0 };
  for (const row of await store.report.labelSets(period.start, period.end, abandonedBefore)) {
    if (row.state === "ok") {
      for (const label of JSON.parse(row.labels) as string[]) counts.set(label, (counts.get(label) ?? 0) + row.n);
    } else if (row.state === "abandoned") unfinished.abandoned += row.n;
    else if (row.state === "active") unfinished.active += row.n;
  }
  return { counts, unfinished };
}
