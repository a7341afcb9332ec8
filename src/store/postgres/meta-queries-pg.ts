import type { Store } from "../store.js";
import type { Sql } from "./sql.js";

/** Small key/value state shared by every process of every instance (circuit breaker, cached gauges, sweep times). */
export function metaQueriesPg(sql: Sql): Store["meta"] {
  return {
    async get<T>(key: string) {
      const row = await sql.one<{ value: string; updated_at: number }>("SELECT value, updated_at FROM meta WHERE key = $1", [key]);
      return row && { value: JSON.parse(row.value) as T, updatedAt: row.updated_at };
    },
    async set(key, value, at) {
      await sql.run(
        "INSERT INTO meta (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [key, JSON.stringify(value), at],
      );
    },
    delete: async (key) => (await sql.run("DELETE FROM meta WHERE key = $1", [key])) > 0,
  };
}
