import { rollupsForTrace } from "../metrics/trace-rollups.js";
import type { TraceRecord } from "../records/trace.js";
import type { CompletedTrace, Store } from "../store/store.js";
import type { TraceExporter } from "../tracing/exporter.js";
import type { TraceSink } from "../tracing/tracer.js";

/** Writes each trace `active` at start and completes it (with its metric rollups) at the end. */
export function storeSink(store: Store, exporters: TraceExporter[] = []): TraceSink {
  // A completion waits for its trace's `active` write, so the `active` row never lands after it.
  const starting = new Map<string, Promise<void>>();
  return {
    started: (trace) => {
      const written = store.startTrace(trace);
      starting.set(trace.trace_id, written);
      return written;
    },
    ended: async (trace) => {
      const started = starting.get(trace.trace_id);
      starting.delete(trace.trace_id);
      await started?.catch(() => {}); // its failure is reported by the start's own promise
      await store.completeTraces([rollupsForTrace(trace)]);
      for (const exporter of exporters) exporter.export([trace]);
    },
  };
}

/**
 * The server's sink: writes wait without blocking the event loop (writeWhenFree on a store opened with
 * busyTimeoutMs 0), so /livez and /metrics answer while a query waits for another process's lock. Writes
 * that arrive in the same turn of the event loop share one transaction (group commit): under load,
 * the rollups of many traces are summed and upserted once.
 */
export function yieldingStoreSink(store: Store, exporters: TraceExporter[] = []): TraceSink {
  let started: TraceRecord[] = [];
  let completed: CompletedTrace[] = [];
  let batch: Promise<void> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const commit = async (): Promise<void> => {
    const [starts, ends] = [started, completed];
    [started, completed, batch] = [[], [], null];
    await store.writeWhenFree(() => store.recordTraces(starts, ends));
    for (const exporter of exporters) if (ends.length > 0) exporter.export(ends.map((e) => e.trace));
  };
  const enqueue = (): Promise<void> => {
    if (batch === null) {
      // One batch at a time, in order: an `active` row never lands after its completion.
      const previous = writing.catch(() => {});
      batch = new Promise<void>((resolve) => setImmediate(resolve)).then(() => previous).then(commit);
      writing = batch;
    }
    return batch;
  };
  return {
    started: (trace) => {
      started.push(trace);
      return enqueue();
    },
    ended: (trace) => {
      completed.push(rollupsForTrace(trace));
      return enqueue();
    },
  };
}

/** For bulk writers (simulate): skips the `active` write and stores ended traces in batched transactions. */
export function batchedStoreSink(store: Store, batchSize = 500, exporters: TraceExporter[] = []): TraceSink & { flush(): Promise<void> } {
  let pending: CompletedTrace[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    // Taken before the write: traces that end while it is in flight go into the next batch.
    const batch = pending;
    pending = [];
    await store.completeTraces(batch);
    for (const exporter of exporters) exporter.export(batch.map((p) => p.trace));
  };
  return {
    started: () => {},
    ended: (trace) => {
      pending.push(rollupsForTrace(trace));
      if (pending.length >= batchSize) return flush();
    },
    flush,
  };
}

/** Traces that go nowhere (eval, quality tests). */
export const discardingSink: TraceSink = { started: () => {}, ended: () => {} };
