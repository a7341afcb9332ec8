import type { TraceRecord } from "../records/trace.js";

/** Receives every ended trace after it is stored (JSONL log file, OTLP): the sdk-trace-base shape, narrowed. */
export interface TraceExporter {
  export(traces: TraceRecord[]): void;
  /** Sends anything buffered; awaited before the process exits. */
  flush(): Promise<void>;
}
