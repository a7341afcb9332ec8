/**
 * How the PostgreSQL query groups talk to the database: $1..$n parameters, plain rows back.
 * Inside store.transaction or store.snapshot a call runs on that transaction's client; otherwise
 * on any pooled connection. BIGINT and NUMERIC come back as numbers (epoch ms fit a double exactly).
 */
export interface Sql {
  /** Every row of one statement. */
  rows<R>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** The first row, or undefined. */
  one<R>(text: string, params?: readonly unknown[]): Promise<R | undefined>;
  /** Runs a statement; resolves to the number of rows it touched. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /** Rows in pages of `pageSize` (a server-side cursor inside one read transaction): bounded memory for any length. */
  stream<R>(text: string, params?: readonly unknown[], pageSize?: number): AsyncIterable<R>;
  /** Runs `fn` in one transaction on one client (joins the current one when nested). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}
