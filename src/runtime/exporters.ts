import type { Config } from "../config/settings.js";
import type { TraceExporter } from "../tracing/exporter.js";
import { jsonlExporter } from "../tracing/jsonl-exporter.js";
import { loadOtlpExporter } from "../tracing/otlp/load-otlp-exporter.js";

/**
 * Every trace exporter the environment configures: TRACE_LOG_FILE, plus OTLP when OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT
 * is set (its module is imported only then). An invalid OTEL_* value is a usage error, thrown here.
 */
export async function configuredExporters(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<TraceExporter[]> {
  const logFile = config.traceLogFile ? [jsonlExporter(config.traceLogFile)] : [];
  const otlp = await loadOtlpExporter(env, { redactQueries: config.redactQueries });
  return otlp ? [...logFile, otlp] : logFile;
}

/** Waits for in-flight exports (OTLP requests); they never throw, and take at most the OTLP timeout. */
export async function flushExporters(exporters: TraceExporter[]): Promise<void> {
  await Promise.all(exporters.map((exporter) => exporter.flush()));
}
