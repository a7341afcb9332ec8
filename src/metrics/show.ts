import type { Config } from "../config/settings.js";
import type { Store } from "../store/store.js";
import { createExposition } from "./exposition.js";
import { gaugeSources } from "./gauges.js";
import type { RawMetrics } from "./raw-metrics.js";
import type { ExpositionFormat } from "./stored-collector.js";

export type MetricsShowResult = { kind: "exposition"; contentType: string; body: string } | { kind: "raw"; raw: RawMetrics };

/**
 * `moodfood metrics show`: the exposition a scrape would get, once, without a server.
 * A one-shot process's own CPU and heap say nothing about the service, so prom-client's
 * default process metrics are left out here (the server includes them).
 */
export async function runMetricsShow(
  options: { format: ExpositionFormat | "json" },
  deps: { config: Config; store: Store; now?: () => number },
): Promise<MetricsShowResult> {
  const exposition = createExposition(deps.store, { sources: gaugeSources(deps.config), defaultMetrics: false, now: deps.now });
  if (options.format === "json") return { kind: "raw", raw: await exposition.raw() };
  return { kind: "exposition", ...(await exposition.render(options.format)) };
}
