import type { Db } from "../open-store.js";
import type { CopiedTable, SourceRow } from "./copied-tables.js";

/** A batch is at most this many rows (traces: 18 columns, so well under PostgreSQL's 65,535 parameters)... */
export const BATCH_ROWS = 500;
/** ...and about this many bytes of values, so a table of large rows (model weights) still streams in bounded memory. */
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * A table's rows from SQLite in batches, already in the target's shape. Rows stream from a
 * statement iterator, so memory holds one batch whatever the table's size. The connection must not
 * run another statement until the iteration ends (better-sqlite3 keeps it busy meanwhile).
 */
export function* sourceBatches(db: Db, table: CopiedTable, instance: string): Generator<SourceRow[]> {
  let batch: SourceRow[] = [];
  let bytes = 0;
  for (const row of db.prepare(table.select).iterate() as IterableIterator<SourceRow>) {
    const target = table.toTarget ? table.toTarget(row, instance) : row;
    batch.push(target);
    bytes += rowBytes(target);
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

function rowBytes(row: SourceRow): number {
  let bytes = 0;
  for (const value of Object.values(row)) {
    if (typeof value === "string") bytes += value.length;
    else if (Buffer.isBuffer(value)) bytes += value.length;
    else bytes += 8;
  }
  return bytes;
}
