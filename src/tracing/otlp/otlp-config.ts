import { readFileSync } from "node:fs";
import { packagePath } from "../../config/package-path.js";
import { UsageError } from "../../errors.js";

/** Where and how traces are exported over OTLP/HTTP, read from the standard OTEL_* variables. */
export interface OtlpConfig {
  /** Full traces URL, e.g. http://localhost:4318/v1/traces. */
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  serviceName: string;
  serviceVersion: string;
  /** OTEL_RESOURCE_ATTRIBUTES, below service.name / service.version. */
  resourceAttributes: Record<string, string>;
}

/** The OpenTelemetry default is 10 s; a CLI query should not wait that long on a dead collector. */
export const DEFAULT_OTLP_TIMEOUT_MS = 2_000;

declare const __MOODFOOD_VERSION__: string;

/** The OTLP settings, or undefined when no endpoint is set (or OTel is switched off). */
export function readOtlpConfig(env: NodeJS.ProcessEnv): OtlpConfig | undefined {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  if (value("OTEL_SDK_DISABLED")?.toLowerCase() === "true") return undefined;
  const exporters = value("OTEL_TRACES_EXPORTER");
  if (exporters && !exporters.split(",").some((e) => e.trim() === "otlp")) return undefined;

  const tracesEndpoint = value("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const baseEndpoint = value("OTEL_EXPORTER_OTLP_ENDPOINT");
  let url: string;
  if (tracesEndpoint) url = checkedUrl("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesEndpoint);
  else if (baseEndpoint) url = `${checkedUrl("OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint).replace(/\/+$/, "")}/v1/traces`;
  else return undefined;

  const timeoutName = value("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT") ? "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT" : "OTEL_EXPORTER_OTLP_TIMEOUT";
  return {
    url,
    // Signal-specific headers override the general ones, key by key (as the OTel SDKs do).
    headers: {
      ...keyValueList("OTEL_EXPORTER_OTLP_HEADERS", value("OTEL_EXPORTER_OTLP_HEADERS")),
      ...keyValueList("OTEL_EXPORTER_OTLP_TRACES_HEADERS", value("OTEL_EXPORTER_OTLP_TRACES_HEADERS")),
    },
    timeoutMs: timeout(timeoutName, value(timeoutName)),
    serviceName: value("OTEL_SERVICE_NAME") ?? "moodfood",
    serviceVersion: packageVersion(),
    resourceAttributes: keyValueList("OTEL_RESOURCE_ATTRIBUTES", value("OTEL_RESOURCE_ATTRIBUTES")),
  };
}

function checkedUrl(name: string, raw: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new UsageError(
      "invalid_config",
      `Environment variable ${name}="${raw}" is invalid: expected an http(s) URL such as http://localhost:4318.`,
    );
  }
  return raw;
}

/** "k=v,k2=v2" with percent-encoded values (W3C baggage format, as the OTel spec says). */
export function keyValueList(name: string, raw: string | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!raw) return result;
  for (const item of raw.split(",")) {
    if (item.trim() === "") continue;
    const eq = item.indexOf("=");
    const key = eq > 0 ? item.slice(0, eq).trim() : "";
    if (!key)
      throw new UsageError("invalid_config", `Environment variable ${name} is invalid: expected key=value pairs separated by commas.`);
    result[key] = decodeValue(item.slice(eq + 1).trim());
  }
  return result;
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function timeout(name: string, raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_OTLP_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0 || ms > 600_000) {
    throw new UsageError(
      "invalid_config",
      `Environment variable ${name}="${raw}" is invalid: expected milliseconds from 1 to 600000, e.g. 2000.`,
    );
  }
  return ms;
}

/** The bundle has the version baked in; from source (tests) it comes from package.json. */
function packageVersion(): string {
  if (typeof __MOODFOOD_VERSION__ === "string") return __MOODFOOD_VERSION__;
  try {
    return (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0-dev";
  }
}
