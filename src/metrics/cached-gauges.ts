import type { MetricLabels } from "../store/rollup-queries.js";
import type { Store } from "../store/store.js";

export interface GaugeSeries {
  labels: MetricLabels;
  value: number;
}

/** What a command stores after computing an expensive gauge; a scrape only reads it. */
export interface CachedGauge {
  series: GaugeSeries[];
}

export const cachedGaugeKey = (metricName: string): string => `metrics.gauge.${metricName}`;

/**
 * Publishes the current value(s) of a gauge for every scrape to read (e.g. `moodfood health`
 * caches moodfood_system_health, `drift check` caches moodfood_drift_score). Replaces all
 * series of that gauge, so a series that no longer applies disappears.
 */
export async function cacheGauge(store: Store, metricName: string, series: GaugeSeries[], at: number): Promise<void> {
  const clean = series.filter((s) => Number.isFinite(s.value));
  await store.transaction(() => store.meta.set(cachedGaugeKey(metricName), { series: clean } satisfies CachedGauge, at));
}

/** The cached series of a gauge, or undefined when no command has cached it yet. */
export async function readCachedGauge(store: Store, metricName: string): Promise<GaugeSeries[] | undefined> {
  const cached = (await store.meta.get(cachedGaugeKey(metricName)))?.value as CachedGauge | undefined;
  if (!cached || !Array.isArray(cached.series)) return undefined;
  return cached.series.filter((s) => typeof s.value === "number" && Number.isFinite(s.value) && s.labels && typeof s.labels === "object");
}
