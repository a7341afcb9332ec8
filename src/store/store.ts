import { setTimeout as sleep } from "node:timers/promises";
import type { TraceRecord } from "../records/trace.js";
import { type BackupResult, backupDatabase } from "./backup.js";
import { dashboardQueries } from "./dashboard-queries.js";
import { driftQueries } from "./drift-queries.js";
import { feedbackQueries } from "./feedback-queries.js";
import { healthQueries } from "./health-queries.js";
import { interopQueries } from "./interop-queries.js";
import { metaQueries } from "./meta-queries.js";
import { modelQueries } from "./model-queries.js";
import { type Db, type OpenOptions, openDatabase, storeError } from "./open-store.js";
import { reportQueries } from "./report-queries.js";
import { type CounterIncrement, type HistogramObservation, rollupQueries } from "./rollup-queries.js";
import { traceQueries } from "./trace-queries.js";

export type { BackupResult, OpenOptions };

export interface CompletedTrace {
  trace: TraceRecord;
  counters: CounterIncrement[];
  histograms: HistogramObservation[];
}

export type Store = ReturnType<typeof createStore>;

/** How long writeWhenFree keeps retrying a locked store before it gives up. */
const WRITE_PATIENCE_MS = 15_000;

/** Opens the store in a data dir (":memory:" for tests) with every statement prepared once. */
export function openStore(dataDir: string | ":memory:", options: OpenOptions = {}): Store {
  return createStore(openDatabase(dataDir, options), options);
}

function createStore(db: Db, options: OpenOptions) {
  const traces = traceQueries(db);
  const rollups = rollupQueries(db);

  // One transaction per batch: the trace and its metric rollups land together or not at all.
  const completeBatch = db.transaction((batch: CompletedTrace[], started: TraceRecord[] = []) => {
    for (const trace of started) traces.insertActive(trace);
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

  const store = {
    readonly: options.readonly === true,
    traces,
    rollups,
    meta: metaQueries(db),
    models: modelQueries(db),
    feedback: feedbackQueries(db),
    drift: driftQueries(db),
    interop: interopQueries(db),
    health: healthQueries(db),
    dashboard: dashboardQueries(db),
    report: reportQueries(db),
    startTrace(trace: TraceRecord): void {
      write(() => traces.insertActive(trace));
    },
    completeTraces(batch: CompletedTrace[]): void {
      write(() => completeBatch.immediate(batch));
    },
    /** Group commit: traces that started and traces that ended, in one transaction (the server's sink). */
    recordTraces(started: TraceRecord[], completed: CompletedTrace[]): void {
      write(() => completeBatch.immediate(completed, started));
    },
    /** Runs fn in one IMMEDIATE transaction (takes the write lock up front: no mid-transaction SQLITE_BUSY). */
    transaction<T>(fn: () => T): T {
      return write(() => db.transaction(fn).immediate());
    },
    /** Runs fn in one read transaction, so everything it reads comes from one snapshot. */
    snapshot<T>(fn: () => T): T {
      return db.transaction(fn).deferred();
    },
    /**
     * Runs a write without blocking the event loop on another process's lock: on a store opened with
     * busyTimeoutMs 0 a locked write fails at once, and is retried after a short async pause.
     */
    async writeWhenFree<T>(fn: () => T, patienceMs = WRITE_PATIENCE_MS): Promise<T> {
      const deadline = Date.now() + patienceMs;
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        try {
          return fn();
        } catch (error) {
          if (!isBusy(error) || Date.now() + pause > deadline) throw storeError(error, db.name);
        }
        await sleep(pause);
      }
    },
    /** Gives freed pages back to the file system (auto_vacuum = INCREMENTAL). */
    reclaimSpace(): void {
      write(() => db.pragma("incremental_vacuum"));
    },
    /** Copies the WAL into the database file and truncates it (a size measured after this is the store's). */
    checkpoint(): void {
      write(() => db.pragma("wal_checkpoint(TRUNCATE)"));
    },
    /** SQLite's online backup into `target` (safe while other processes write); refuses an existing file unless `force`. */
    backup(target: string, force = false): Promise<BackupResult> {
      return backupDatabase(db, target, force);
    },
    close(): void {
      if (!db.open) return;
      if (options.journalInMemory) write(() => db.pragma("journal_mode = WAL"));
      db.close();
    },
  };
  return store;
}

/** A locked store, raw from SQLite or already said as a UserError by write(). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_BUSY") || code === "SQLITE_LOCKED" || code === "store_busy";
}
