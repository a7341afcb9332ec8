import type { TraceRecord } from "../../records/trace.js";
import type { Promised } from "../promised.js";
import type { TraceFilter, traceQueries } from "../trace-queries.js";
import { fromRow, TRACE_COLUMNS, type TraceRow, toRow } from "../trace-rows.js";
import type { Sql } from "./sql.js";

const COLUMNS = TRACE_COLUMNS.split(", ") as (keyof TraceRow)[];
/** Each column's type, so a batch travels as one array per column through unnest(). */
const TYPES: Record<keyof TraceRow, string> = {
  trace_id: "text",
  root_span_id: "text",
  started_at: "bigint",
  ended_at: "bigint",
  duration_ms: "float8",
  status: "text",
  query: "text",
  labels: "text",
  confidence: "float8",
  final_decision: "text",
  model_version: "text",
  request_id: "text",
  user_id: "text",
  session_id: "text",
  error: "text",
  spans: "text",
  recommendations: "text",
  agreement: "int",
};
const FROM_ARRAYS = `SELECT * FROM unnest(${COLUMNS.map((c, i) => `$${i + 1}::${TYPES[c]}[]`).join(", ")})`;
const UPDATED = [
  "ended_at",
  "duration_ms",
  "status",
  "labels",
  "confidence",
  "final_decision",
  "model_version",
  "error",
  "spans",
  "recommendations",
  "agreement",
];
const INSERT = `INSERT INTO traces (${TRACE_COLUMNS}) ${FROM_ARRAYS}`;
const UPSERT = `${INSERT} ON CONFLICT (trace_id) DO UPDATE SET ${UPDATED.map((c) => `${c} = excluded.${c}`).join(", ")}`;
const SELECT = `SELECT ${TRACE_COLUMNS} FROM traces`;
const DELETE_CHUNK = "DELETE FROM traces WHERE id IN (SELECT id FROM traces WHERE started_at < $1 ORDER BY started_at LIMIT 5000)";

/** One array per column: a batch of any size is one statement. */
function columnArrays(traces: readonly TraceRecord[]): unknown[][] {
  const rows = traces.map(toRow);
  // ended_at is started_at + a fractional duration; the BIGINT column keeps the whole ms (as a Date shows it).
  return COLUMNS.map((c) => rows.map((row) => (TYPES[c] === "bigint" ? wholeMs(row[c] as number | null) : row[c])));
}

const wholeMs = (ms: number | null) => (ms === null ? null : Math.floor(ms));

/** Active traces inserted in one statement (a trace id already stored fails, as on SQLite). */
export async function insertActiveTraces(sql: Sql, traces: readonly TraceRecord[]): Promise<void> {
  if (traces.length > 0) await sql.run(INSERT, columnArrays(traces));
}

/** Finished traces upserted in one statement; a trace listed twice keeps its last version, as sequential upserts would. */
export async function upsertCompletedTraces(sql: Sql, traces: readonly TraceRecord[]): Promise<void> {
  const last = [...new Map(traces.map((t) => [t.trace_id, t])).values()];
  if (last.length > 0) await sql.run(UPSERT, columnArrays(last));
}

/** The traces table on PostgreSQL, answering as traceQueries does on SQLite. */
export function traceQueriesPg(sql: Sql): Promised<ReturnType<typeof traceQueries>> {
  return {
    insertActive: (trace) => insertActiveTraces(sql, [trace]),
    upsertCompleted: (trace) => upsertCompletedTraces(sql, [trace]),
    async newestStartedBefore(before) {
      return (
        (await sql.one<{ at: number | null }>("SELECT max(started_at) AS at FROM traces WHERE started_at < $1", [timeBound(before)]))?.at ??
        null
      );
    },
    async get(traceId) {
      const row = await sql.one<TraceRow>(`${SELECT} WHERE trace_id = $1`, [traceId]);
      return row && fromRow(row);
    },
    async findByPrefix(prefix, limit) {
      const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      const rows = await sql.rows<TraceRow>(`${SELECT} WHERE trace_id >= $1 AND trace_id < $2 ORDER BY trace_id LIMIT $3`, [
        prefix,
        upper,
        sqlLimit(limit),
      ]);
      return rows.map(fromRow);
    },
    async list(filter) {
      const { text, params } = listQuery(filter);
      return (await sql.rows<TraceRow>(text, params)).map(fromRow);
    },
    async *iterate(filter) {
      const { text, params } = listQuery(filter);
      for await (const row of sql.stream<TraceRow>(text, params)) yield fromRow(row);
    },
    sweepAbandoned: (cutoff) =>
      sql.run("UPDATE traces SET status = 'abandoned' WHERE status = 'active' AND started_at < $1", [timeBound(cutoff)]),
    // Deleted in chunks, each its own statement, so a big prune never holds locks for long.
    async deleteStartedBefore(cutoff) {
      let total = 0;
      for (;;) {
        const changes = await sql.run(DELETE_CHUNK, [timeBound(cutoff)]);
        total += changes;
        if (changes === 0) return total;
      }
    },
    async count() {
      return (await sql.one<{ n: number }>("SELECT count(*)::int AS n FROM traces"))?.n ?? 0;
    },
  };
}

/**
 * A time bound for the BIGINT started_at. For an integer column, `c < x` and `c >= x` hold exactly when they
 * hold for ceil(x); rounding here keeps a fractional bound from failing the bigint parameter (SQLite compares it as is).
 */
export function timeBound(x: number): number | string {
  if (Number.isFinite(x)) return Math.ceil(x);
  return x > 0 ? "9223372036854775807" : "-9223372036854775808";
}

/** SQLite reads a negative LIMIT as none; PostgreSQL's LIMIT NULL is none. */
function sqlLimit(limit: number): number | null {
  return limit < 0 || !Number.isFinite(limit) ? null : Math.floor(limit);
}

/** The WHERE clause from the filters given, as SQLite's listQuery builds it; every value is a bound parameter. */
function listQuery(filter: TraceFilter): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const cutoff = filter.abandonedBefore;
  const where: string[] = [];
  if (filter.since !== undefined) where.push(`started_at >= ${bind(timeBound(filter.since))}`);
  if (filter.until !== undefined) where.push(`started_at < ${bind(timeBound(filter.until))}`);
  // Without a cutoff no active trace counts as abandoned (SQLite compares with -Infinity).
  if (filter.status === "abandoned") {
    where.push(
      cutoff === undefined
        ? "status = 'abandoned'"
        : `(status = 'abandoned' OR (status = 'active' AND started_at < ${bind(timeBound(cutoff))}))`,
    );
  }
  if (filter.status === "active")
    where.push(cutoff === undefined ? "status = 'active'" : `status = 'active' AND started_at >= ${bind(timeBound(cutoff))}`);
  if (filter.status === "ok" || filter.status === "error") where.push(`status = ${bind(filter.status)}`);
  if (filter.decision !== undefined) where.push(`final_decision = ${bind(filter.decision)}`);
  if (filter.minMs !== undefined) where.push(`duration_ms >= ${bind(filter.minMs)}`);
  if (filter.modelVersion !== undefined) where.push(`model_version = ${bind(filter.modelVersion)}`);
  const text = `${SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY started_at DESC, id DESC LIMIT ${bind(sqlLimit(filter.limit))}`;
  return { text, params };
}
