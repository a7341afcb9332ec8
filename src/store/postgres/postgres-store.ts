import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "../../errors.js";
import type { TraceRecord } from "../../records/trace.js";
import type { OpenOptions } from "../open-store.js";
import type { CompletedTrace, Store } from "../store.js";
import { parseDatabaseUrl } from "./connection-url.js";
import { dashboardQueriesPg } from "./dashboard-queries-pg.js";
import { driftQueriesPg } from "./drift-queries-pg.js";
import { feedbackQueriesPg } from "./feedback-queries-pg.js";
import { healthQueriesPg } from "./health-queries-pg.js";
import { interopQueriesPg } from "./interop-queries-pg.js";
import { metaQueriesPg } from "./meta-queries-pg.js";
import { lockKey, migrate, SCHEMA_VERSION } from "./migrate.js";
import { PG_MIGRATIONS } from "./migrations.js";
import { modelQueriesPg } from "./model-queries-pg.js";
import { isRetryableConflict, pgError } from "./pg-errors.js";
import { reportQueriesPg } from "./report-queries-pg.js";
import { rollupQueriesPg } from "./rollup-queries-pg.js";
import { createPool, createSql } from "./sql-client.js";
import { insertActiveTraces, traceQueriesPg, upsertCompletedTraces } from "./trace-queries-pg.js";

/** How long writeWhenFree keeps retrying a busy or unreachable database before it gives up. */
const WRITE_PATIENCE_MS = 15_000;
/** A deadlock or serialization failure reruns the transaction's body, at most this many times in all. */
const ATTEMPTS = 3;
/** The rollup key of a process opened without one (openStore always passes the data dir's instance id). */
const DEFAULT_INSTANCE = "default";

/**
 * The store on PostgreSQL, shared by a fleet of instances. Opening connects once (a bad URL or a
 * refused connection fails here, as a UserError) and migrates the schema.
 */
export async function openPostgresStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(url);
  const location = target.display;
  const pool = createPool(target);
  try {
    const client = await pool.connect();
    try {
      await migrate(client, target.schema, location);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw pgError(error, location);
  }

  const sql = createSql(pool, location, lockKey("write", target.schema));
  const traces = traceQueriesPg(sql);
  const rollups = rollupQueriesPg(sql, options.instance ?? DEFAULT_INSTANCE);
  const schemaVersion = async () => ({
    found: (await sql.one<{ version: number }>(SCHEMA_VERSION))?.version ?? 0,
    expected: PG_MIGRATIONS.length,
  });
  let closed: Promise<void> | undefined;

  // The traces and their metric rollups land together or not at all, under the store's write lock.
  const record = async (started: TraceRecord[], completed: CompletedTrace[]) => {
    if (started.length === 0 && completed.length === 0) return;
    await sql.transaction(async () => {
      await insertActiveTraces(sql, started);
      await upsertCompletedTraces(
        sql,
        completed.map(({ trace }) => trace),
      );
      await rollups.applyMany(
        completed.map(({ trace, counters, histograms }) => ({ counters, histograms, at: trace.ended_at ?? trace.started_at })),
      );
    });
  };

  return {
    backend: "postgres",
    location,
    readonly: options.readonly === true,
    traces,
    rollups,
    meta: metaQueriesPg(sql),
    models: modelQueriesPg(sql),
    feedback: feedbackQueriesPg(sql),
    drift: driftQueriesPg(sql),
    interop: interopQueriesPg(sql),
    health: healthQueriesPg(sql, { schemaVersion }),
    dashboard: dashboardQueriesPg(sql),
    report: reportQueriesPg(sql),
    startTrace: (trace) => traces.insertActive(trace),
    completeTraces: (batch) => record([], batch),
    recordTraces: (started, completed) => record(started, completed),
    async transaction(fn) {
      // A nested call joins the outer transaction; only the outermost may rerun the body.
      if (sql.inTransaction()) return fn();
      for (let attempt = 1; ; attempt++) {
        try {
          return await sql.transaction(fn);
        } catch (error) {
          if (!isRetryableConflict(error) || attempt >= ATTEMPTS) throw error;
        }
      }
    },
    snapshot: (fn) => sql.snapshot(fn),
    async writeWhenFree(fn, patienceMs = WRITE_PATIENCE_MS) {
      const started = Date.now();
      for (let pause = 5; ; pause = Math.min(pause * 2, 250)) {
        try {
          return await fn();
        } catch (error) {
          const patience = patienceFor(error, patienceMs);
          if (patience === 0 || Date.now() + pause > started + patience) throw error;
        }
        await sleep(pause);
      }
    },
    // PostgreSQL's autovacuum reclaims space, and it has no WAL file beside a database to fold in.
    reclaimSpace: async () => {},
    checkpoint: async () => {},
    backup: async () => {
      throw new UserError(
        "backup_postgres",
        `moodfood backup copies a SQLite store; on PostgreSQL use pg_dump (pg_dump --schema=<schema> for one store) against ${location}.`,
      );
    },
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}

/** A write that may succeed if tried again shortly: the database busy, or briefly unreachable. */
/** How long an error of this kind is worth retrying: 0 for one that will not pass by waiting. */
function patienceFor(error: unknown, patienceMs: number): number {
  const code = (error as { code?: string } | null)?.code;
  if (code === "store_busy") return patienceMs;
  // An unreachable database is not retried: a COMMIT whose reply the outage ate may have landed, and
  // running the write again would add its rollups twice. The caller answers 503 with Retry-After at once.
  return 0;
}
