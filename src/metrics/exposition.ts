import type { Store } from "../store/store.js";
import type { GaugeSources } from "./gauges.js";
import { type RawMetrics, toRawMetrics } from "./raw-metrics.js";
import { createMetricsRegistry, type MetricsRegistry } from "./registry.js";
import { readSnapshot } from "./snapshot.js";
import type { ExpositionFormat } from "./stored-collector.js";

export interface RenderedMetrics {
  contentType: string;
  body: string;
}

export interface Exposition {
  render(format: ExpositionFormat): Promise<RenderedMetrics>;
  raw(): Promise<RawMetrics>;
}

export interface ExpositionOptions {
  sources: GaugeSources;
  /** prom-client's process and Node.js metrics (on by default). */
  defaultMetrics?: boolean;
  now?: () => number;
}

/** Renders the store's metrics on demand; each render reads a fresh snapshot (O(series)). */
export function createExposition(store: Store, options: ExpositionOptions): Exposition {
  const now = options.now ?? Date.now;
  const registries = new Map<ExpositionFormat, MetricsRegistry>();
  const registryFor = (format: ExpositionFormat): MetricsRegistry => {
    const existing = registries.get(format);
    if (existing) return existing;
    const registry = createMetricsRegistry(format, { defaultMetrics: options.defaultMetrics });
    registries.set(format, registry);
    return registry;
  };
  return {
    async render(format) {
      const registry = registryFor(format);
      const body = await registry.render(await readSnapshot(store, options.sources, now()));
      return { contentType: registry.contentType, body };
    },
    raw: async () => toRawMetrics(await readSnapshot(store, options.sources, now())),
  };
}

/** OpenMetrics when the Accept header prefers it (as Prometheus does), else the classic text format. */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  if (!accept) return "text";
  let openMetrics = 0;
  let text = 0;
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((p) => p.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type === "application/openmetrics-text") openMetrics = Math.max(openMetrics, q);
    else if (type === "text/plain" || type === "text/*" || type === "*/*") text = Math.max(text, q);
  }
  return openMetrics > 0 && openMetrics >= text ? "openmetrics" : "text";
}
