import type { Promised } from "../promised.js";
import {
  ALL_TIME,
  type CounterIncrement,
  type HistogramObservation,
  type MetricLabels,
  type RollupIncrements,
  type rollupQueries,
  sumIncrements,
} from "../rollup-queries.js";
import type { Sql } from "./sql.js";

// One statement per table for a whole batch: each column travels as an array through unnest().
const ADD_COUNTERS = `INSERT INTO counter_rollups (instance, name, labels, hour, value)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::float8[])
  ON CONFLICT (instance, name, hour, labels) DO UPDATE SET value = counter_rollups.value + excluded.value`;
// Buckets travel as array literals ('{1,0,2}'), since unnest() would flatten a two-dimensional array.
const ADD_HISTOGRAMS = `INSERT INTO histogram_rollups AS h (instance, name, labels, hour, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at)
  SELECT $1, name, labels, hour, count, sum, buckets::bigint[], exemplar_trace_id, exemplar_value, exemplar_at
  FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::float8[], $7::text[], $8::text[], $9::float8[], $10::bigint[])
    AS d(name, labels, hour, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at)
  ON CONFLICT (instance, name, hour, labels) DO UPDATE SET
    count = h.count + excluded.count,
    sum = h.sum + excluded.sum,
    buckets = add_buckets(h.buckets, excluded.buckets),
    exemplar_trace_id = coalesce(excluded.exemplar_trace_id, h.exemplar_trace_id),
    exemplar_value = CASE WHEN excluded.exemplar_trace_id IS NULL THEN h.exemplar_value ELSE excluded.exemplar_value END,
    exemplar_at = CASE WHEN excluded.exemplar_trace_id IS NULL THEN h.exemplar_at ELSE excluded.exemplar_at END`;

/**
 * Metric rollups on PostgreSQL. Writes go under this `instance`, and the all-time totals a scrape reads
 * are this instance's only, so a PromQL sum over the fleet's /metrics counts every event once.
 */
export function rollupQueriesPg(sql: Sql, instance: string): Promised<ReturnType<typeof rollupQueries>> {
  async function applyMany(items: RollupIncrements[]): Promise<void> {
    const { counters, histograms } = sumIncrements(items);
    if (counters.length > 0) {
      await sql.run(ADD_COUNTERS, [
        instance,
        counters.map((c) => c.name),
        counters.map((c) => c.key),
        counters.map((c) => c.hour),
        counters.map((c) => c.value),
      ]);
    }
    if (histograms.length > 0) {
      await sql.run(ADD_HISTOGRAMS, [
        instance,
        histograms.map((h) => h.name),
        histograms.map((h) => h.key),
        histograms.map((h) => h.hour),
        histograms.map((h) => h.count),
        histograms.map((h) => h.sum),
        histograms.map((h) => `{${h.buckets.join(",")}}`),
        histograms.map((h) => h.exemplar?.traceId ?? null),
        histograms.map((h) => h.exemplar?.value ?? null),
        histograms.map((h) => (h.exemplar ? Math.floor(h.exemplar.at) : null)), // a trace's fractional ended_at, into BIGINT
      ]);
    }
  }

  return {
    apply: (counters: CounterIncrement[], histograms: HistogramObservation[], at: number) => applyMany([{ counters, histograms, at }]),
    applyMany,
    async counterTotals() {
      const rows = await sql.rows<{ name: string; labels: string; value: number }>(
        "SELECT name, labels, value FROM counter_rollups WHERE instance = $1 AND hour = $2 ORDER BY name, labels",
        [instance, ALL_TIME],
      );
      return rows.map((r) => ({ name: r.name, labels: JSON.parse(r.labels) as MetricLabels, value: r.value }));
    },
    async fleetCounterTotals(name: string) {
      const rows = await sql.rows<{ labels: string; value: number }>(
        "SELECT labels, sum(value) AS value FROM counter_rollups WHERE name = $1 AND hour = $2 GROUP BY labels ORDER BY labels",
        [name, ALL_TIME],
      );
      return rows.map((r) => ({ name, labels: JSON.parse(r.labels) as MetricLabels, value: Number(r.value) }));
    },
    async histogramTotals() {
      type Row = {
        name: string;
        labels: string;
        count: number;
        sum: number;
        buckets: number[];
        exemplar_trace_id: string | null;
        exemplar_value: number | null;
        exemplar_at: number | null;
      };
      const rows = await sql.rows<Row>(
        `SELECT name, labels, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at
         FROM histogram_rollups WHERE instance = $1 AND hour = $2 ORDER BY name, labels`,
        [instance, ALL_TIME],
      );
      return rows.map((r) => ({
        name: r.name,
        labels: JSON.parse(r.labels) as MetricLabels,
        count: r.count,
        sum: r.sum,
        buckets: r.buckets,
        exemplar: r.exemplar_trace_id ? { traceId: r.exemplar_trace_id, value: r.exemplar_value ?? 0, at: r.exemplar_at ?? 0 } : undefined,
      }));
    },
  };
}
