import type { Config } from "../config/settings.js";
import type { Store } from "../store/store.js";
import { jsonlExporter } from "../tracing/jsonl-exporter.js";
import { loadOtlpExporter } from "../tracing/otlp/load-otlp-exporter.js";
import { storeSink, type TraceExporter } from "../tracing/store-sink.js";
import type { TraceSink } from "../tracing/tracer.js";
import { loadCatalog } from "./catalog.js";
import { loadActiveClassifier } from "./classifier/active.js";
import type { PipelineDeps } from "./pipeline.js";
import { createProvider } from "./providers/create-provider.js";

/** TRACE_LOG_FILE's exporter; synchronous, so createPipelineDeps can wire it without awaiting. */
function logFileExporters(config: Config): TraceExporter[] {
  return config.traceLogFile ? [jsonlExporter(config.traceLogFile)] : [];
}

/**
 * Every trace exporter the environment configures: TRACE_LOG_FILE, plus OTLP when OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT
 * is set (its module is imported only then). Pass them to storeSink and `await flushExporters()` before exiting.
 */
export async function configuredExporters(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<TraceExporter[]> {
  const otlp = await loadOtlpExporter(env, { redactQueries: config.redactQueries });
  return otlp ? [...logFileExporters(config), otlp] : logFileExporters(config);
}

/** Waits for in-flight exports (OTLP requests); they never throw, and take at most the OTLP timeout. */
export async function flushExporters(exporters: TraceExporter[]): Promise<void> {
  await Promise.all(exporters.map((exporter) => exporter.flush()));
}

/** Everything a query needs, wired from config and the store. Without a sink only TRACE_LOG_FILE is wired (no OTLP). */
export function createPipelineDeps(config: Config, store: Store, sink?: TraceSink): PipelineDeps {
  return {
    provider: createProvider(config, store),
    classifier: loadActiveClassifier(store),
    catalog: loadCatalog(),
    sink: sink ?? storeSink(store, logFileExporters(config)),
    mlThreshold: config.mlThreshold,
    llmTimeoutMs: config.llmTimeoutMs,
  };
}
