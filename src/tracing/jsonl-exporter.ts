import { appendFileSync } from "node:fs";
import type { TraceExporter } from "./exporter.js";
import { traceToJson } from "./trace-json.js";

/**
 * TRACE_LOG_FILE: each ended trace appended as one JSON line, for log shippers. A failed write (a full
 * disk, /dev/full, a removed directory) costs one warning per outage, never the query: the trace is stored.
 */
export function jsonlExporter(path: string, warn: (line: string) => void = (line) => process.stderr.write(line)): TraceExporter {
  let warned = false;
  return {
    export(traces) {
      try {
        // One appendFileSync per batch: O_APPEND writes of whole lines do not interleave between processes.
        appendFileSync(path, traces.map((t) => `${JSON.stringify(traceToJson(t))}\n`).join(""));
        warned = false;
      } catch (error) {
        if (warned) return;
        warned = true;
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        warn(`moodfood: warning: could not append to TRACE_LOG_FILE ${path} (${code}); the trace is still in the store.\n`);
      }
    },
    flush: async () => {},
  };
}
