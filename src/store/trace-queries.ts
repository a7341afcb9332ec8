import type { TraceRecord, TraceStatus } from "../records/trace.js";
import type { Db } from "./open-store.js";
import { fromRow, TRACE_COLUMNS, type TraceRow, toRow } from "./trace-rows.js";

export interface TraceFilter {
  since?: number;
  until?: number;
  limit: number;
  status?: TraceStatus;
  decision?: string;
  minMs?: number;
  modelVersion?: string;
  /** Active traces that started before this are abandoned (TRACE_CLEANUP_HOURS), swept or not. */
  abandonedBefore?: number;
}

const PLACEHOLDERS = TRACE_COLUMNS.split(", ")
  .map((c) => `@${c}`)
  .join(", ");

/** Prepared statements for the traces table. */
export function traceQueries(db: Db) {
  const insert = db.prepare(`INSERT INTO traces (${TRACE_COLUMNS}) VALUES (${PLACEHOLDERS})`);
  const complete = db.prepare(
    `INSERT INTO traces (${TRACE_COLUMNS}) VALUES (${PLACEHOLDERS})
     ON CONFLICT(trace_id) DO UPDATE SET ended_at = excluded.ended_at, duration_ms = excluded.duration_ms,
       status = excluded.status, labels = excluded.labels, confidence = excluded.confidence,
       final_decision = excluded.final_decision, model_version = excluded.model_version, error = excluded.error,
       spans = excluded.spans, recommendations = excluded.recommendations, agreement = excluded.agreement`,
  );
  const byId = db.prepare(`SELECT ${TRACE_COLUMNS} FROM traces WHERE trace_id = ?`);
  const byPrefix = db.prepare(`SELECT ${TRACE_COLUMNS} FROM traces WHERE trace_id >= ? AND trace_id < ? ORDER BY trace_id LIMIT ?`);
  const markAbandoned = db.prepare(`UPDATE traces SET status = 'abandoned' WHERE status = 'active' AND started_at < ?`);
  // Deleted in chunks so a big prune never holds the write lock for long.
  const deleteChunk = db.prepare(
    "DELETE FROM traces WHERE id IN (SELECT id FROM traces WHERE started_at < ? ORDER BY started_at LIMIT 5000)",
  );
  const count = db.prepare("SELECT count(*) AS n FROM traces");
  const newestBefore = db.prepare("SELECT max(started_at) AS at FROM traces WHERE started_at < ?");

  return {
    insertActive(trace: TraceRecord): void {
      insert.run(toRow(trace));
    },
    /** Upserts the finished trace (a batch writer may never have written it active). */
    upsertCompleted(trace: TraceRecord): void {
      complete.run(toRow(trace));
    },
    /** The start of the newest trace that started before `before` (indexed), or null when there is none. */
    newestStartedBefore(before: number): number | null {
      return (newestBefore.get(before) as { at: number | null }).at;
    },
    get(traceId: string): TraceRecord | undefined {
      const row = byId.get(traceId) as TraceRow | undefined;
      return row && fromRow(row);
    },
    /** Traces whose id starts with a lowercase hex prefix, at most `limit`. */
    findByPrefix(prefix: string, limit: number): TraceRecord[] {
      const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      return (byPrefix.all(prefix, upper, limit) as TraceRow[]).map(fromRow);
    },
    list(filter: TraceFilter): TraceRecord[] {
      const { sql, params } = listQuery(filter);
      return (db.prepare(sql).all(params) as TraceRow[]).map(fromRow);
    },
    /** The same rows as list(), one at a time: a listing of any length in bounded memory. */
    *iterate(filter: TraceFilter): Generator<TraceRecord> {
      const { sql, params } = listQuery(filter);
      for (const row of db.prepare(sql).iterate(params) as IterableIterator<TraceRow>) yield fromRow(row);
    },
    /** Marks active traces that started before `cutoff` as abandoned; returns how many. */
    sweepAbandoned(cutoff: number): number {
      return markAbandoned.run(cutoff).changes;
    },
    /** Deletes traces that started before `cutoff`; metric rollups are untouched. */
    deleteStartedBefore(cutoff: number): number {
      let total = 0;
      for (;;) {
        const { changes } = db.transaction(() => deleteChunk.run(cutoff)).immediate();
        total += changes;
        if (changes === 0) return total;
      }
    },
    count(): number {
      return (count.get() as { n: number }).n;
    },
  };
}

/** Builds the WHERE clause from the filters given; every value is a bound parameter. */
function listQuery(filter: TraceFilter): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { ...filter, cutoff: filter.abandonedBefore ?? Number.NEGATIVE_INFINITY };
  const where = [
    filter.since !== undefined && "started_at >= @since",
    filter.until !== undefined && "started_at < @until",
    filter.status === "abandoned" && "(status = 'abandoned' OR (status = 'active' AND started_at < @cutoff))",
    filter.status === "active" && "status = 'active' AND started_at >= @cutoff",
    (filter.status === "ok" || filter.status === "error") && "status = @status",
    filter.decision !== undefined && "final_decision = @decision",
    filter.minMs !== undefined && "duration_ms >= @minMs",
    filter.modelVersion !== undefined && "model_version = @modelVersion",
  ].filter((clause): clause is string => typeof clause === "string");
  const sql = `SELECT ${TRACE_COLUMNS} FROM traces ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY started_at DESC, id DESC LIMIT @limit`;
  // better-sqlite3 rejects named parameters the statement does not use.
  const used = Object.fromEntries(Object.entries(params).filter(([k, v]) => v !== undefined && sql.includes(`@${k}`)));
  return { sql, params: used };
}
