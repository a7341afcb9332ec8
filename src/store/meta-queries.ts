import type { Db } from "./open-store.js";

/** Small key/value state shared by all processes (circuit breaker, cached gauges, sweep times). */
export function metaQueries(db: Db) {
  const get = db.prepare("SELECT value, updated_at FROM meta WHERE key = ?");
  const set = db.prepare("INSERT OR REPLACE INTO meta (key, value, updated_at) VALUES (?, ?, ?)");
  const remove = db.prepare("DELETE FROM meta WHERE key = ?");
  return {
    get<T>(key: string): { value: T; updatedAt: number } | undefined {
      const row = get.get(key) as { value: string; updated_at: number } | undefined;
      return row && { value: JSON.parse(row.value) as T, updatedAt: row.updated_at };
    },
    set(key: string, value: unknown, at: number): void {
      set.run(key, JSON.stringify(value), at);
    },
    /** Removes the key; true when there was one. */
    delete(key: string): boolean {
      return remove.run(key).changes > 0;
    },
  };
}
