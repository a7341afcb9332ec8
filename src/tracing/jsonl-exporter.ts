import { appendFileSync } from "node:fs";
import type { TraceExporter } from "./exporter.js";
import { traceToJson } from "./trace-json.js";

/** TRACE_LOG_FILE: each ended trace appended as one JSON line, for log shippers. */
export function jsonlExporter(path: string): TraceExporter {
  return {
    export(traces) {
      // One appendFileSync per batch: O_APPEND writes of whole lines do not interleave between processes.
      appendFileSync(path, traces.map((t) => `${JSON.stringify(traceToJson(t))}\n`).join(""));
    },
    flush: async () => {},
  };
}
