import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { UserError } from "../../errors.js";
import type { ConnectionTarget } from "./connection-url.js";
import { pgError } from "./pg-errors.js";
import type { Sql } from "./sql.js";

/** A statement that runs longer is cancelled (57014, store_busy) rather than holding a writer forever. */
const STATEMENT_TIMEOUT_MS = 15_000;
/** Rows per FETCH of a stream: a page of traces (spans and all) is what a listing holds in memory at once. */
const DEFAULT_PAGE = 100;

/** The Sql the query groups use, plus what the store itself needs: a read snapshot and the pool's end. */
export interface PoolSql extends Sql {
  /** Runs `fn` in one REPEATABLE READ READ ONLY transaction (joins the current one when nested). */
  snapshot<T>(fn: () => Promise<T>): Promise<T>;
  /** True inside a transaction or snapshot body. */
  inTransaction(): boolean;
  end(): Promise<void>;
}

/** A pool of at most 10 connections, on our schema, with BIGINT and NUMERIC as numbers for this pool only. */
export function createPool(target: ConnectionTarget): pg.Pool {
  const options = [`-c statement_timeout=${STATEMENT_TIMEOUT_MS}`, target.extraOptions, target.schema && `-c search_path=${target.schema}`];
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    options: options.filter(Boolean).join(" "),
    application_name: "moodfood",
    max: 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 10_000,
    // A host that vanishes without a reset: the client gives up itself, and keep-alive notices dead sockets.
    query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
    keepAlive: true,
    types: { getTypeParser: numericTypes },
  });
  // An idle connection dropped by a PostgreSQL restart: the pool discards it, and moodfood must not crash.
  pool.on("error", () => {});
  // A connection lost while checked out shows as its query's rejection; the event alone must not crash either.
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

const INT8 = 20;
const NUMERIC = 1700;
const INT8_ARRAY = 1016;

/** pg's own parser for a type (its typings list only some oids; any oid is valid). */
const builtin = (oid: number, format: "text" | "binary"): ((value: string) => unknown) => pg.types.getTypeParser(oid as never, format);

function numericTypes(oid: number, format?: string): (value: string) => unknown {
  if (format === "binary") return builtin(oid, "binary");
  if (oid === INT8 || oid === NUMERIC) return Number;
  if (oid === INT8_ARRAY) {
    const parseArray = builtin(INT8_ARRAY, "text") as (value: string) => (string | null)[];
    return (value) => parseArray(value).map((n) => (n === null ? null : Number(n)));
  }
  return builtin(oid, "text");
}

interface Current {
  client: pg.PoolClient;
}

/** PostgreSQL's text cannot hold NUL (22021), which SQLite's does: a bound string, or one in an array, has it as U+FFFD. */
function bindable(params: readonly unknown[] | undefined): unknown[] | undefined {
  const text = (value: unknown) => (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value);
  return params?.map((value) => (Array.isArray(value) ? value.map(text) : text(value)));
}

/**
 * Sql over a pool. `transaction` is a write transaction that first takes the store's write lock
 * (an advisory lock on `writeLock`), so writers serialise across instances as they do on SQLite.
 */
export function createSql(pool: pg.Pool, location: string, writeLock: string): PoolSql {
  const current = new AsyncLocalStorage<Current>();
  let cursors = 0;

  const query = async (text: string, params?: readonly unknown[]): Promise<pg.QueryResult> => {
    const on = current.getStore()?.client ?? pool;
    try {
      return await on.query(text, bindable(params));
    } catch (error) {
      throw pgError(error, location);
    }
  };

  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw pgError(error, location);
    }
  };

  /** BEGIN ... COMMIT on one client; on failure ROLLBACK, and a client that cannot even roll back is discarded. */
  const within = async <T>(begin: string, takeWriteLock: boolean, fn: () => Promise<T>): Promise<T> => {
    if (current.getStore()) return fn();
    const client = await connect();
    let broken: Error | undefined;
    try {
      return await current.run({ client }, async () => {
        await query(begin);
        if (takeWriteLock) await query("SELECT pg_advisory_xact_lock($1::bigint)", [writeLock]);
        const result = await fn();
        // A statement the body caught aborted the transaction: PostgreSQL answers COMMIT with a
        // ROLLBACK, and returning normally would report writes that were never kept.
        const commit = await query("COMMIT");
        if (commit.command === "ROLLBACK") {
          throw new UserError(
            "store_rolled_back",
            `PostgreSQL at ${location} rolled the transaction back after a failed statement; nothing of it was kept.`,
          );
        }
        return result;
      });
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  };

  /** Pages from a server-side cursor; outside a transaction the cursor gets its own read snapshot and client. */
  async function* stream<R>(text: string, params?: readonly unknown[], pageSize = DEFAULT_PAGE): AsyncGenerator<R> {
    const joined = current.getStore()?.client;
    const client = joined ?? (await connect());
    const cursor = `moodfood_cursor_${++cursors}`;
    const run = async (statement: string, values?: readonly unknown[]) => {
      try {
        return await client.query(statement, bindable(values));
      } catch (error) {
        throw pgError(error, location);
      }
    };
    const page = Math.max(1, Math.floor(pageSize));
    try {
      if (!joined) await run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await run(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${text}`, params);
      for (;;) {
        const { rows } = await run(`FETCH ${page} FROM ${cursor}`);
        yield* rows as R[];
        if (rows.length < page) return;
      }
    } finally {
      // Ending early (break, or an error in the consumer) lands here too; a read-only snapshot has nothing to commit.
      if (joined) await client.query(`CLOSE ${cursor}`).catch(() => {});
      else
        await client.query("ROLLBACK").then(
          () => client.release(),
          (error: Error) => client.release(error),
        );
    }
  }

  return {
    rows: async <R>(text: string, params?: readonly unknown[]) => (await query(text, params)).rows as R[],
    one: async <R>(text: string, params?: readonly unknown[]) => (await query(text, params)).rows[0] as R | undefined,
    run: async (text, params) => (await query(text, params)).rowCount ?? 0,
    stream,
    transaction: (fn) => within("BEGIN", true, fn),
    snapshot: (fn) => within("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", false, fn),
    inTransaction: () => current.getStore() !== undefined,
    end: () => pool.end(),
  };
}
