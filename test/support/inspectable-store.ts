import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore, type Store } from "../../src/store/store.js";

/** A store plus a raw connection to its file, for rows the store's interface does not show. */
export interface InspectableStore {
  store: Store;
  dir: string;
  rows<T = Record<string, unknown>>(sql: string): T[];
  run(sql: string, ...params: unknown[]): void;
}

/**
 * A store in a temp dir plus a second, raw connection to the same file, for tests that look at rows
 * the store's interface does not show (the store itself hands out no database handle).
 */
export async function inspectableStore(): Promise<InspectableStore> {
  const dir = mkdtempSync(join(tmpdir(), "moodfood-inspect-"));
  const store = await openStore(dir);
  const raw = new Database(join(dir, "moodfood.db"));
  return {
    store,
    dir,
    rows: <T>(sql: string) => raw.prepare(sql).all() as T[],
    run: (sql, ...params) => void raw.prepare(sql).run(...params),
  };
}
