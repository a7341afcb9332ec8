import type { TraceRecord } from "../../records/trace.js";
import type { TraceExporter } from "../exporter.js";
import { type PostResult, postJson } from "./http-post.js";
import type { OtlpConfig } from "./otlp-config.js";
import { toExportRequest } from "./otlp-json.js";

export interface OtlpExporterOptions extends OtlpConfig {
  /** False under MOODFOOD_REDACT_QUERIES. */
  includeQuery?: boolean;
  /** Receives one warning line when the collector cannot be reached. */
  warn?: (line: string) => void;
  /** The transport; tests may replace it. */
  post?: (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<PostResult>;
}

/** Sends each exported batch as one OTLP/HTTP JSON request; failures cost one warning line, never the query. */
export function otlpExporter(options: OtlpExporterOptions): TraceExporter {
  const post = options.post ?? postJson;
  const warn = options.warn ?? ((line: string) => process.stderr.write(line));
  const inFlight = new Set<Promise<void>>();
  // One warning per outage: re-armed by the next successful send, so a long-running process reports a new outage.
  let warned = false;

  async function send(traces: TraceRecord[]): Promise<void> {
    try {
      const body = JSON.stringify(toExportRequest(traces, options));
      const response = await post(options.url, options.headers, body, options.timeoutMs);
      if (response.status < 200 || response.status > 299)
        throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
      warned = false;
    } catch (error) {
      if (warned) return;
      warned = true;
      const what = traces.length === 1 ? `trace ${traces[0]?.trace_id}` : `${traces.length} traces`;
      warn(
        `moodfood: warning: could not export ${what} over OTLP to ${printableUrl(options.url)} (${reason(error, options.timeoutMs)}); the trace is still in the store.\n`,
      );
    }
  }

  return {
    export(traces) {
      if (traces.length === 0) return;
      // send() builds the body before its first await, so later changes to the records do not leak in.
      const sending = send(traces);
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
    },
    async flush() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}

function reason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${timeoutMs} ms`;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.message : String(error);
}

/** Never print credentials embedded in the URL. */
function printableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "the configured endpoint";
  }
}
