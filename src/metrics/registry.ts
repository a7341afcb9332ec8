import { collectDefaultMetrics, type Metric, Registry, type RegistryContentType } from "prom-client";
import { METRIC_FAMILIES } from "./metric-table.js";
import type { MetricsSnapshot } from "./snapshot.js";
import { type ExpositionFormat, StoredFamilyCollector } from "./stored-collector.js";

export interface MetricsRegistry {
  readonly contentType: string;
  /** Renders every family for this snapshot, plus prom-client's default process metrics. */
  render(snapshot: MetricsSnapshot): Promise<string>;
}

/**
 * A prom-client Registry of its own (never the global one) per exposition format. One per
 * format because prom-client's OpenMetrics writer renames counters in place (strips
 * `_total`), which would break the text format of the same Registry afterwards.
 */
export function createMetricsRegistry(format: ExpositionFormat, options: { defaultMetrics?: boolean } = {}): MetricsRegistry {
  const registry = new Registry<RegistryContentType>();
  registry.setContentType(format === "openmetrics" ? Registry.OPENMETRICS_CONTENT_TYPE : Registry.PROMETHEUS_CONTENT_TYPE);
  let current: MetricsSnapshot | undefined;
  const snapshot = (): MetricsSnapshot => {
    if (!current) throw new Error("metrics collected outside a render");
    return current;
  };
  for (const family of METRIC_FAMILIES) {
    // The Registry only calls name/type/get()/reset() on what it holds; its typings list prom-client's own classes.
    registry.registerMetric(new StoredFamilyCollector(family, snapshot, format) as unknown as Metric);
  }
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  return {
    contentType: registry.contentType,
    // prom-client calls every collector's get() synchronously inside metrics(), so `current` cannot change under it.
    render(next) {
      current = next;
      return registry.metrics();
    },
  };
}
