import type { Db } from "./open-store.js";

export type MetricLabels = Record<string, string>;

export interface CounterIncrement {
  name: string;
  labels: MetricLabels;
  value: number;
}

export interface HistogramObservation {
  name: string;
  labels: MetricLabels;
  value: number;
  /** Index into the metric's bucket bounds; bounds.length means +Inf. */
  bucketIndex: number;
  bucketCount: number;
  exemplarTraceId?: string;
  at: number;
}

export interface CounterSeries {
  name: string;
  labels: MetricLabels;
  value: number;
}

export interface HistogramSeries {
  name: string;
  labels: MetricLabels;
  count: number;
  sum: number;
  /** Per-bucket (non-cumulative) counts. */
  buckets: number[];
  exemplar?: { traceId: string; value: number; at: number };
}

/** What one event (a trace, a feedback, an alert) adds to the rollups. */
export interface RollupIncrements {
  counters: CounterIncrement[];
  histograms: HistogramObservation[];
  at: number;
}

/** All-time totals live under this hour so a scrape reads one row per series. */
export const ALL_TIME = -1;
const HOUR_MS = 3_600_000;

/** Canonical label key: sorted keys, so the same label set is always the same row. */
export function labelKey(labels: MetricLabels): string {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/**
 * The rows of one hour across all metric names. `WHERE hour = ?` alone scans every hourly row
 * (the key starts with name): 17 ms at a million traces. Walking the distinct names through the
 * primary key (a hand-made skip-scan) then looking up (name, hour) reads only the rows returned.
 */
function rowsOfHour(table: string, columns: string): string {
  return `WITH RECURSIVE names(name) AS (
      SELECT MIN(name) FROM ${table}
      UNION ALL
      SELECT (SELECT MIN(name) FROM ${table} WHERE name > names.name) FROM names WHERE names.name IS NOT NULL
    )
    SELECT ${columns} FROM names JOIN ${table} AS r ON r.name = names.name AND r.hour = ?`;
}

/** One counter series-hour's increment, summed over a batch. */
export interface CounterDelta {
  name: string;
  key: string;
  hour: number;
  value: number;
}

/** One histogram series-hour's observations, summed over a batch (buckets not cumulative). */
export interface HistogramDelta {
  name: string;
  key: string;
  hour: number;
  count: number;
  sum: number;
  buckets: number[];
  exemplar?: { traceId: string; value: number; at: number };
}

/**
 * Sums a batch's increments per series and hour (its clock hour and all-time), so a batch writes each
 * row once. Rows come in key order: two transactions upserting the same rows lock them in the same
 * order, so PostgreSQL never deadlocks them.
 */
export function sumIncrements(items: readonly RollupIncrements[]): { counters: CounterDelta[]; histograms: HistogramDelta[] } {
  const counters = new Map<string, CounterDelta>();
  const histograms = new Map<string, HistogramDelta>();
  for (const item of items) {
    const hours = [Math.floor(item.at / HOUR_MS), ALL_TIME];
    for (const c of item.counters) {
      const key = labelKey(c.labels);
      for (const hour of hours) {
        const id = `${c.name}\u0000${hour}\u0000${key}`;
        const entry = counters.get(id) ?? { name: c.name, key, hour, value: 0 };
        entry.value += c.value;
        counters.set(id, entry);
      }
    }
    for (const h of item.histograms) {
      const key = labelKey(h.labels);
      for (const hour of hours) {
        const id = `${h.name}\u0000${hour}\u0000${key}`;
        const entry = histograms.get(id) ?? {
          name: h.name,
          key,
          hour,
          count: 0,
          sum: 0,
          buckets: new Array<number>(h.bucketCount).fill(0),
        };
        entry.count += 1;
        entry.sum += h.value;
        entry.buckets[h.bucketIndex] = (entry.buckets[h.bucketIndex] ?? 0) + 1;
        if (h.exemplarTraceId) entry.exemplar = { traceId: h.exemplarTraceId, value: h.value, at: h.at };
        histograms.set(id, entry);
      }
    }
  }
  return { counters: inKeyOrder(counters), histograms: inKeyOrder(histograms) };
}

function inKeyOrder<V>(entries: Map<string, V>): V[] {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}

export function rollupQueries(db: Db) {
  const addCounter = db.prepare(
    "INSERT INTO counter_rollups (name, labels, hour, value) VALUES (?, ?, ?, ?) ON CONFLICT(name, hour, labels) DO UPDATE SET value = value + excluded.value",
  );
  const readHistogram = db.prepare(
    "SELECT count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at FROM histogram_rollups WHERE name = ? AND hour = ? AND labels = ?",
  );
  const writeHistogramRow = db.prepare(
    `INSERT OR REPLACE INTO histogram_rollups (name, labels, hour, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counterTotals = db.prepare(rowsOfHour("counter_rollups", "r.name, r.labels, r.value"));
  const counterTotalsOf = db.prepare("SELECT labels, value FROM counter_rollups WHERE name = ? AND hour = ? ORDER BY labels");
  const histogramTotals = db.prepare(
    rowsOfHour("histogram_rollups", "r.name, r.labels, r.count, r.sum, r.buckets, r.exemplar_trace_id, r.exemplar_value, r.exemplar_at"),
  );

  /** Merges one batch's histogram deltas into the stored rows: one read and one write per series-hour. */
  function writeHistogram(d: HistogramDelta): void {
    const row = readHistogram.get(d.name, d.hour, d.key) as
      | {
          count: number;
          sum: number;
          buckets: string;
          exemplar_trace_id: string | null;
          exemplar_value: number | null;
          exemplar_at: number | null;
        }
      | undefined;
    const stored = row ? (JSON.parse(row.buckets) as number[]) : [];
    const buckets = d.buckets.map((n, i) => n + (stored[i] ?? 0));
    const exemplar =
      d.exemplar ??
      (row?.exemplar_trace_id ? { traceId: row.exemplar_trace_id, value: row.exemplar_value ?? 0, at: row.exemplar_at ?? 0 } : undefined);
    writeHistogramRow.run(
      d.name,
      d.key,
      d.hour,
      (row?.count ?? 0) + d.count,
      (row?.sum ?? 0) + d.sum,
      JSON.stringify(buckets),
      exemplar?.traceId ?? null,
      exemplar?.value ?? null,
      exemplar?.at ?? null,
    );
  }

  /** Adds many increments at once, summed in memory first; must run inside the caller's transaction. */
  function applyMany(items: RollupIncrements[]): void {
    const { counters, histograms } = sumIncrements(items);
    for (const c of counters) addCounter.run(c.name, c.key, c.hour, c.value);
    for (const h of histograms) writeHistogram(h);
  }

  return {
    /** Must run inside the caller's transaction, next to the trace write. */
    apply(counters: CounterIncrement[], histograms: HistogramObservation[], at: number): void {
      applyMany([{ counters, histograms, at }]);
    },
    applyMany,
    counterTotals(): CounterSeries[] {
      return (counterTotals.all(ALL_TIME) as { name: string; labels: string; value: number }[]).map((r) => ({
        name: r.name,
        labels: JSON.parse(r.labels) as MetricLabels,
        value: r.value,
      }));
    },
    /** One counter's all-time totals over the whole fleet (on SQLite the one instance): for gauges every instance must agree on. */
    fleetCounterTotals(name: string): CounterSeries[] {
      return (counterTotalsOf.all(name, ALL_TIME) as { labels: string; value: number }[]).map((r) => ({
        name,
        labels: JSON.parse(r.labels) as MetricLabels,
        value: r.value,
      }));
    },
    histogramTotals(): HistogramSeries[] {
      type Row = {
        name: string;
        labels: string;
        count: number;
        sum: number;
        buckets: string;
        exemplar_trace_id: string | null;
        exemplar_value: number | null;
        exemplar_at: number | null;
      };
      return (histogramTotals.all(ALL_TIME) as Row[]).map((r) => ({
        name: r.name,
        labels: JSON.parse(r.labels) as MetricLabels,
        count: r.count,
        sum: r.sum,
        buckets: JSON.parse(r.buckets) as number[],
        exemplar: r.exemplar_trace_id ? { traceId: r.exemplar_trace_id, value: r.exemplar_value ?? 0, at: r.exemplar_at ?? 0 } : undefined,
      }));
    },
  };
}
