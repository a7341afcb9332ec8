import { rollupsForTrace } from "../metrics/trace-rollups.js";
import type { CompletedTrace, Store } from "../store/store.js";
import type { TraceExporter } from "../tracing/exporter.js";
import type { TraceSink } from "../tracing/tracer.js";

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

/**
 * The server's sink: the same writes, made with writeWhenFree on a store opened with busyTimeoutMs 0,
 * so a query waiting for another process's lock never blocks the event loop (/livez, /metrics answer).
 * Writes are chained, so a trace's completion never lands before its `active` row.
 */
export function yieldingStoreSink(store: Store, exporters: TraceExporter[] = []): TraceSink {
  let tail: Promise<unknown> = Promise.resolve();
  const enqueue = (write: () => void): Promise<void> => {
    const done = tail.then(() => store.writeWhenFree(write));
    tail = done.catch(() => {});
    return done;
  };
  return {
    started: (trace) => enqueue(() => store.startTrace(trace)),
    ended: async (trace) => {
      await enqueue(() => store.completeTraces([rollupsForTrace(trace)]));
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

/** Traces that go nowhere (eval, quality tests). */
export const discardingSink: TraceSink = { started: () => {}, ended: () => {} };
