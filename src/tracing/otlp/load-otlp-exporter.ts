import type { TraceExporter } from "../exporter.js";
import { readOtlpConfig } from "./otlp-config.js";

export interface LoadOtlpOptions {
  /** MOODFOOD_REDACT_QUERIES: keep the query text out of exported spans. */
  redactQueries?: boolean;
  warn?: (line: string) => void;
}

/** The OTLP exporter when an endpoint is configured; the sender module is imported only then (DESIGN §4). */
export async function loadOtlpExporter(env: NodeJS.ProcessEnv, options: LoadOtlpOptions = {}): Promise<TraceExporter | undefined> {
  const config = readOtlpConfig(env);
  if (!config) return undefined;
  const { otlpExporter } = await import("./otlp-exporter.js");
  return otlpExporter({ ...config, includeQuery: !options.redactQueries, warn: options.warn });
}
