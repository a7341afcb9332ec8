import type { TraceRecord } from "../tracing/types.js";
import { driftQueries } from "./drift-queries.js";
import { feedbackQueries } from "./feedback-queries.js";
import { interopQueries } from "./interop-queries.js";
import { metaQueries } from "./meta-queries.js";
import { modelQueries } from "./model-queries.js";
import { type Db, openDatabase, storeError } from "./open-store.js";
import { type CounterIncrement, type HistogramObservation, rollupQueries } from "./rollup-queries.js";
import { traceQueries } from "./trace-queries.js";

export interface CompletedTrace {
  trace: TraceRecord;
  counters: CounterIncrement[];
  histograms: HistogramObservation[];
}

export type Store = ReturnType<typeof createStore>;

/** Opens the store in a data dir (":memory:" for tests) with every statement prepared once. */
export function openStore(dataDir: string | ":memory:"): Store {
  return createStore(openDatabase(dataDir));
}

function createStore(db: Db) {
  const traces = traceQueries(db);
  const rollups = rollupQueries(db);
  const meta = metaQueries(db);
  const models = modelQueries(db);
  const drift = driftQueries(db);

  // One transaction per batch: the trace and its metric rollups land together or not at all.
  const completeBatch = db.transaction((batch: CompletedTrace[]) => {
    for (const { trace } of batch) traces.upsertCompleted(trace);
    rollups.applyMany(batch.map(({ trace, counters, histograms }) => ({ counters, histograms, at: trace.ended_at ?? trace.started_at })));
  });

  const write = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw storeError(error, db.name);
    }
  };

  return {
    db,
    traces,
    rollups,
    meta,
    models,
    feedback: feedbackQueries(db),
    drift,
    interop: interopQueries(db),
    startTrace(trace: TraceRecord): void {
      write(() => traces.insertActive(trace));
    },
    completeTraces(batch: CompletedTrace[]): void {
      write(() => completeBatch.immediate(batch));
    },
    /** Runs fn in one IMMEDIATE transaction (takes the write lock up front: no mid-transaction SQLITE_BUSY). */
    transaction<T>(fn: () => T): T {
      return write(() => db.transaction(fn).immediate());
    },
    close(): void {
      if (db.open) db.close();
    },
  };
}
