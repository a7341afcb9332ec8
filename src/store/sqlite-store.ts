import { setTimeout as sleep } from "node:timers/promises";
import type { TraceRecord } from "../records/trace.js";
import { backupDatabase } from "./backup.js";
import { dashboardQueries } from "./dashboard-queries.js";
import { driftQueries } from "./drift-queries.js";
import { feedbackQueries } from "./feedback-queries.js";
import { healthQueries } from "./health-queries.js";
import { interopQueries } from "./interop-queries.js";
import { metaQueries } from "./meta-queries.js";
import { modelQueries } from "./model-queries.js";
import { type Db, type OpenOptions, openDatabase, storeError } from "./open-store.js";
import { promised } from "./promised.js";
import { reportQueries } from "./report-queries.js";
import { rollupQueries } from "./rollup-queries.js";
import type { CompletedTrace, Store } from "./store.js";
import { traceQueries } from "./trace-queries.js";
import { transactionGate } from "./transaction-gate.js";

/** How long writeWhenFree keeps retrying a locked store before it gives up. */
const WRITE_PATIENCE_MS = 15_000;

/** The embedded store: one better-sqlite3 connection, every statement prepared once. */
export function openSqliteStore(dataDir: string | ":memory:", options: OpenOptions = {}): Store {
  return sqliteStore(openDatabase(dataDir, options), options);
}

function sqliteStore(db: Db, options: OpenOptions): Store {
  const traces = traceQueries(db);
  const rollups = rollupQueries(db);
  const gate = transactionGate<Db>();

  // One transaction per batch: the trace and its metric rollups land together or not at all.
  const completeBatch = db.transaction((batch: CompletedTrace[], started: TraceRecord[] = []) => {
    for (const trace of started) traces.insertActive(trace);
    for (const { trace } of batch) traces.upsertCompleted(trace);
    rollups.applyMany(batch.map(({ trace, counters, histograms }) => ({ counters, histograms, at: trace.ended_at ?? trace.started_at })));
  });

  const write = async <T>(fn: () => T): Promise<T> => {
    try {
      return fn();
    } catch (error) {
      throw storeError(error, db.name);
    }
  };

  // A body runs between BEGIN and COMMIT; better-sqlite3's own nested transactions become savepoints inside it.
  const inTransaction = <T>(begin: string, fn: () => Promise<T>): Promise<T> =>
    gate.run(
      () => {
        db.exec(begin);
        return db;
      },
      fn,
      (_, ok) => {
        if (!db.inTransaction) return;
        if (!ok) return void db.exec("ROLLBACK");
        try {
          db.exec("COMMIT");
        } catch (error) {
          // A COMMIT that failed (SQLITE_FULL shows here in WAL mode) must not leave the transaction open.
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      },
    );

  return {
    backend: "sqlite",
    location: db.name,
    readonly: options.readonly === true,
    traces: promised(traces),
    rollups: promised(rollups),
    meta: promised(metaQueries(db)) as Store["meta"],
    models: promised(modelQueries(db)),
    feedback: promised(feedbackQueries(db)),
    drift: promised(driftQueries(db)),
    interop: promised(interopQueries(db), ["iterateTraces", "iterateFeedback", "iterateDriftChecks", "iterateDriftAlerts"]),
    health: promised(healthQueries(db)),
    dashboard: promised(dashboardQueries(db)),
    report: promised(reportQueries(db)),
    startTrace: (trace) => write(() => traces.insertActive(trace)),
    completeTraces: (batch) => write(() => completeBatch.immediate(batch)),
    recordTraces: (started, completed) => write(() => completeBatch.immediate(completed, started)),
    transaction(fn) {
      return inTransaction("BEGIN IMMEDIATE", fn).catch((error) => {
        throw storeError(error, db.name);
      });
    },
    snapshot: (fn) => inTransaction("BEGIN DEFERRED", fn),
    async writeWhenFree(fn, patienceMs = WRITE_PATIENCE_MS) {
      const deadline = Date.now() + patienceMs;
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        try {
          return await fn();
        } catch (error) {
          if (!isBusy(error) || Date.now() + pause > deadline) throw storeError(error, db.name);
        }
        await sleep(pause);
      }
    },
    reclaimSpace: () => write(() => void db.pragma("incremental_vacuum")),
    checkpoint: () => write(() => void db.pragma("wal_checkpoint(TRUNCATE)")),
    backup: (target, force = false) => backupDatabase(db, target, force),
    async close() {
      if (!db.open) return;
      if (options.journalInMemory) await write(() => db.pragma("journal_mode = WAL"));
      db.close();
    },
  };
}

/** A locked store, raw from SQLite or already said as a UserError by write(). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_BUSY") || code === "SQLITE_LOCKED" || code === "store_busy";
}
