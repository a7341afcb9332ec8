import { rollupsForTrace } from "../metrics/trace-rollups.js";
import type { CompletedTrace, Store } from "../store/store.js";
import type { TraceSink } from "./tracer.js";
import type { TraceRecord } from "./types.js";

/** Receives every ended trace after it is stored (JSONL log file, OTLP). */
export interface TraceExporter {
  export(traces: TraceRecord[]): void;
  /** Sends anything buffered; awaited before the process exits. */
  flush(): Promise<void>;
}

/** Writes each trace `active` at start and completes it (with its metric rollups) at the end. */
export function storeSink(store: Store, exporters: TraceExporter[] = []): TraceSink {
  return {
    started: (trace) => store.startTrace(trace),
    ended: (trace) => {
      store.completeTraces([rollupsForTrace(trace)]);
      for (const exporter of exporters) exporter.export([trace]);
    },
  };
}

/** For bulk writers (simulate): skips the `active` write and stores ended traces in batched transactions. */
export function batchedStoreSink(store: Store, batchSize = 500, exporters: TraceExporter[] = []): TraceSink & { flush(): void } {
  let pending: CompletedTrace[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    store.completeTraces(pending);
    for (const exporter of exporters) exporter.export(pending.map((p) => p.trace));
    pending = [];
  };
  return {
    started: () => {},
    ended: (trace) => {
      pending.push(rollupsForTrace(trace));
      if (pending.length >= batchSize) flush();
    },
    flush,
  };
}
