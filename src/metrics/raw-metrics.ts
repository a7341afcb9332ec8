import type { MetricLabels } from "../store/rollup-queries.js";
import { MS_BUCKETS } from "./buckets.js";
import type { MetricsSnapshot } from "./snapshot.js";

/** `GET /metrics/raw` and `metrics show --json`: the stored values as JSON, buckets cumulative like the exposition. */
export interface RawMetrics {
  generated_at: string;
  counters: { name: string; labels: MetricLabels; value: number }[];
  histograms: {
    name: string;
    labels: MetricLabels;
    count: number;
    sum: number;
    buckets: { le: number | "+Inf"; count: number }[];
    exemplar: { trace_id: string; value: number; at: string } | null;
  }[];
  gauges: { name: string; labels: MetricLabels; value: number }[];
}

export function toRawMetrics(snapshot: MetricsSnapshot): RawMetrics {
  const flat = <T>(groups: Map<string, T[]>) => [...groups.values()].flat();
  return {
    generated_at: new Date(snapshot.at).toISOString(),
    counters: flat(snapshot.counters).map(({ name, labels, value }) => ({ name, labels, value })),
    histograms: flat(snapshot.histograms).map((h) => {
      let cumulative = 0;
      const buckets: RawMetrics["histograms"][number]["buckets"] = MS_BUCKETS.map((le, i) => {
        cumulative += h.buckets[i] ?? 0;
        return { le, count: cumulative };
      });
      buckets.push({ le: "+Inf", count: h.count });
      const exemplar = h.exemplar
        ? { trace_id: h.exemplar.traceId, value: h.exemplar.value, at: new Date(h.exemplar.at).toISOString() }
        : null;
      return { name: h.name, labels: h.labels, count: h.count, sum: h.sum, buckets, exemplar };
    }),
    gauges: [...snapshot.gauges].flatMap(([name, series]) => series.map((s) => ({ name, labels: s.labels, value: s.value }))),
  };
}
