import { join } from "node:path";
import Database from "better-sqlite3";
import { STORE_FILE } from "../../src/store/open-store.js";
import { parseDatabaseUrl } from "../../src/store/postgres/connection-url.js";
import { createPool } from "../../src/store/postgres/sql-client.js";
import type { Store } from "../../src/store/store.js";
import { onPostgres, openTestStore, schemaUrl } from "../support/test-store.js";
import { tempDir } from "./populate.js";

/** A store plus a raw connection to its tables, for rows the store's interface does not show. */
export interface RowsStore {
  store: Store;
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A store in a temp data dir on the test project's backend, plus a second, raw connection to the same
 * tables (the SQLite file, or the data dir's PostgreSQL schema). The SQL must read alike on both.
 */
export async function rowsStore(): Promise<RowsStore> {
  const dir = tempDir("moodfood-inspect-");
  const store = await openTestStore(dir);
  if (!onPostgres()) {
    const raw = new Database(join(dir, STORE_FILE));
    return {
      store,
      rows: async <T>(sql: string) => raw.prepare(sql).all() as T[],
      close: async () => {
        raw.close();
        await store.close();
      },
    };
  }
  const pool = createPool(parseDatabaseUrl(schemaUrl(dir)));
  return {
    store,
    rows: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
    close: async () => {
      await pool.end();
      await store.close();
    },
  };
}
