import type { HistogramSeries, MetricLabels } from "../store/rollup-queries.js";
import { bucketIndex, MS_BUCKETS } from "./buckets.js";
import type { MetricFamily } from "./metric-table.js";
import type { MetricsSnapshot } from "./snapshot.js";

export type ExpositionFormat = "text" | "openmetrics";

/** A sample as prom-client's Registry renders it (`metricName` suffixes, `exemplar` in OpenMetrics only). */
export interface PromSample {
  labels: Record<string, string>;
  /** Labels common to a series' lines: prom-client formats them once per object (WeakMap cache). */
  sharedLabels?: Record<string, string>;
  value: number;
  metricName?: string;
  exemplar?: { labelSet: Record<string, string>; value: number; timestamp: number };
}

/**
 * One metric family as a prom-client collector: prom-client calls get() at scrape time and
 * renders the result, so stored rollups come out in prom-client's own text and OpenMetrics
 * writers (HELP/TYPE, escaping, `_total` handling, `# EOF`) next to its default metrics.
 * prom-client cannot load stored bucket counts through observe(), hence this object.
 * `name` is deliberately a plain field: in OpenMetrics mode the Registry strips a counter's
 * `_total` from it and appends `_total` to each sample, which is the OpenMetrics naming rule.
 */
export class StoredFamilyCollector {
  name: string;
  readonly help: string;
  readonly type: MetricFamily["type"];
  readonly aggregator = "sum";
  /** One `{le}` object per bound, shared by every series: fewer allocations per scrape. */
  private readonly leLabels: Record<string, string>[];

  constructor(
    private readonly family: MetricFamily,
    private readonly snapshot: () => MetricsSnapshot,
    private readonly format: ExpositionFormat,
  ) {
    this.name = family.name;
    this.help = family.help;
    this.type = family.type;
    this.leLabels = [...MS_BUCKETS.map((bound) => ({ le: formatLe(bound, format) })), { le: "+Inf" }];
  }

  get() {
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values: this.samples() };
  }

  reset(): void {} // stored counters are never reset from here

  private samples(): PromSample[] {
    const snap = this.snapshot();
    const name = this.family.name;
    if (this.type === "histogram") return (snap.histograms.get(name) ?? []).flatMap((h) => this.histogramSamples(h));
    const series = this.type === "counter" ? snap.counters.get(name) : snap.gauges.get(name);
    return (series ?? []).map((s) => ({ labels: this.ordered(s.labels), sharedLabels: NO_LABELS, value: s.value }));
  }

  private histogramSamples(h: HistogramSeries): PromSample[] {
    // The series labels are shared by its lines (prom-client renders them after `le`, as for its own histograms).
    const shared = this.ordered(h.labels);
    const exemplarBucket = h.exemplar ? bucketIndex(h.exemplar.value) : -1;
    const samples: PromSample[] = [];
    let cumulative = 0;
    for (let i = 0; i <= MS_BUCKETS.length; i++) {
      // +Inf is the count itself, so `_bucket{le="+Inf"} == _count` always holds.
      cumulative = i === MS_BUCKETS.length ? h.count : cumulative + (h.buckets[i] ?? 0);
      const sample: PromSample = {
        metricName: `${this.family.name}_bucket`,
        labels: this.leLabels[i] as Record<string, string>,
        sharedLabels: shared,
        value: cumulative,
      };
      if (i === exemplarBucket && h.exemplar && this.format === "openmetrics") {
        sample.exemplar = { labelSet: { trace_id: h.exemplar.traceId }, value: h.exemplar.value, timestamp: h.exemplar.at / 1000 };
      }
      samples.push(sample);
    }
    samples.push({ metricName: `${this.family.name}_sum`, labels: NO_LABELS, sharedLabels: shared, value: h.sum });
    samples.push({ metricName: `${this.family.name}_count`, labels: NO_LABELS, sharedLabels: shared, value: h.count });
    return samples;
  }

  /** The table's label order first (stable output), then anything else a writer stored. */
  private ordered(labels: MetricLabels): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of this.family.labelNames) if (key in labels) out[key] = String(labels[key]);
    for (const [key, value] of Object.entries(labels)) if (!(key in out)) out[key] = String(value);
    return out;
  }
}

const NO_LABELS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** OpenMetrics asks for canonical floats in `le` (Go %g plus ".0": "1.0"); the text format keeps prom-client's "1". */
export function formatLe(bound: number, format: ExpositionFormat): string {
  if (format === "openmetrics" && Number.isInteger(bound) && Math.abs(bound) < 1e6) return bound.toFixed(1);
  return String(bound);
}
