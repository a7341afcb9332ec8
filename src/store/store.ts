import type { TraceRecord } from "../records/trace.js";
import type { BackupResult } from "./backup.js";
import type { dashboardQueries } from "./dashboard-queries.js";
import type { driftQueries } from "./drift-queries.js";
import type { feedbackQueries } from "./feedback-queries.js";
import type { healthQueries } from "./health-queries.js";
import type { interopQueries } from "./interop-queries.js";
import type { metaQueries } from "./meta-queries.js";
import type { modelQueries } from "./model-queries.js";
import type { OpenOptions } from "./open-store.js";
import type { Promised } from "./promised.js";
import type { reportQueries } from "./report-queries.js";
import type { CounterIncrement, HistogramObservation, rollupQueries } from "./rollup-queries.js";
import { openSqliteStore } from "./sqlite-store.js";
import type { traceQueries } from "./trace-queries.js";

export type { BackupResult, OpenOptions };

export interface CompletedTrace {
  trace: TraceRecord;
  counters: CounterIncrement[];
  histograms: HistogramObservation[];
}

/** Where a store lives: a data dir (SQLite, the default) or a PostgreSQL URL shared by a fleet. */
export interface StoreLocation {
  dataDir: string;
  /** Empty or absent: SQLite in the data dir. */
  databaseUrl?: string;
  /** MOODFOOD_INSTANCE; empty or absent: the id kept in the data dir. */
  instance?: string;
}

/**
 * The store both backends implement (decision 0021). The query groups are SQLite's, each method
 * answering with a promise; PostgreSQL implements the same groups in its own SQL.
 */
export interface Store {
  readonly backend: "sqlite" | "postgres";
  /** The file, or the database URL without its password: what an error may name. */
  readonly location: string;
  readonly readonly: boolean;
  traces: Promised<ReturnType<typeof traceQueries>>;
  rollups: Promised<ReturnType<typeof rollupQueries>>;
  meta: Omit<Promised<ReturnType<typeof metaQueries>>, "get"> & {
    /** The stored value (JSON), typed by the caller; the generic does not survive Promised. */
    get<T>(key: string): Promise<{ value: T; updatedAt: number } | undefined>;
  };
  models: Promised<ReturnType<typeof modelQueries>>;
  feedback: Promised<ReturnType<typeof feedbackQueries>>;
  drift: Promised<ReturnType<typeof driftQueries>>;
  interop: Promised<ReturnType<typeof interopQueries>>;
  health: Promised<ReturnType<typeof healthQueries>>;
  dashboard: Promised<ReturnType<typeof dashboardQueries>>;
  report: Promised<ReturnType<typeof reportQueries>>;
  startTrace(trace: TraceRecord): Promise<void>;
  completeTraces(batch: CompletedTrace[]): Promise<void>;
  /** Group commit: traces that started and traces that ended, with their rollups, in one transaction (the server's sink). */
  recordTraces(started: TraceRecord[], completed: CompletedTrace[]): Promise<void>;
  /** Runs fn in one write transaction that holds the store's write lock from the start; a nested call joins it. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs fn in one read transaction, so everything it reads comes from one snapshot. */
  snapshot<T>(fn: () => Promise<T>): Promise<T>;
  /** Retries a write that finds the store locked, pausing without blocking the event loop, for up to patienceMs. */
  writeWhenFree<T>(fn: () => Promise<T>, patienceMs?: number): Promise<T>;
  /** Gives freed pages back to the file system (SQLite's incremental vacuum). */
  reclaimSpace(): Promise<void>;
  /** Copies SQLite's WAL into the database file (a size measured after this is the store's). */
  checkpoint(): Promise<void>;
  /** An online, verified copy of the store into `target`. */
  backup(target: string, force?: boolean): Promise<BackupResult>;
  close(): Promise<void>;
}

/** Opens the store at a data dir (":memory:" for tests) or, when a database URL is given, on PostgreSQL. */
export async function openStore(where: string | StoreLocation, options: OpenOptions = {}): Promise<Store> {
  const location = typeof where === "string" ? { dataDir: where } : where;
  if (!location.databaseUrl) return openSqliteStore(location.dataDir, options);
  // Loaded only here, so a SQLite run never loads pg.
  const [{ openPostgresStore }, { instanceId }] = await Promise.all([import("./postgres/postgres-store.js"), import("./instance-id.js")]);
  // instanceId checks a given id and otherwise keeps the data dir's; the config has read the environment.
  const instance = options.instance ?? instanceId(location.dataDir, { MOODFOOD_INSTANCE: location.instance || undefined });
  return openPostgresStore(location.databaseUrl, { ...options, instance });
}
