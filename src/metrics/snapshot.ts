import type { CounterSeries, HistogramSeries } from "../store/rollup-queries.js";
import type { Store } from "../store/store.js";
import type { GaugeSeries } from "./cached-gauges.js";
import { type GaugeSources, readGauges } from "./gauges.js";

/** Everything one scrape shows, read from the store in one short read transaction. */
export interface MetricsSnapshot {
  at: number;
  counters: Map<string, CounterSeries[]>;
  histograms: Map<string, HistogramSeries[]>;
  gauges: Map<string, GaugeSeries[]>;
}

/** O(series): reads the all-time rollup rows and cached gauges, never the traces table. */
export function readSnapshot(store: Store, sources: GaugeSources, now: number): Promise<MetricsSnapshot> {
  // One read transaction: a trace's counter and histogram rollups are committed together, so they agree here too.
  return store.snapshot(async () => {
    const counters = await store.rollups.counterTotals();
    return {
      at: now,
      counters: groupByName(counters),
      histograms: groupByName(await store.rollups.histogramTotals()),
      gauges: await readGauges(store, sources),
    };
  });
}

function groupByName<T extends { name: string }>(series: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const s of series) {
    const list = groups.get(s.name);
    if (list) list.push(s);
    else groups.set(s.name, [s]);
  }
  return groups;
}
