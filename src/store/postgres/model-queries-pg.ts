import { type ModelRow, type modelQueries, type RetrainRunRow, RUN_COLUMNS, toModel } from "../model-queries.js";
import type { Promised } from "../promised.js";
import type { Sql } from "./sql.js";

const RUN_KEYS = RUN_COLUMNS.split(", ") as (keyof RetrainRunRow)[];
const MODEL_COLUMNS = "version, header, weights, created_at, active";

/** Trained model versions and retrain runs on PostgreSQL, shared by every instance. */
export function modelQueriesPg(sql: Sql): Promised<ReturnType<typeof modelQueries>> {
  return {
    async save(version, header, weights, at) {
      // A re-saved version is inactive again and sorts as newly saved, as INSERT OR REPLACE does on SQLite.
      await sql.run(
        `INSERT INTO models (version, header, weights, created_at, active) VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (version) DO UPDATE SET header = excluded.header, weights = excluded.weights,
           created_at = excluded.created_at, active = 0, saved_seq = DEFAULT`,
        [version, header, weights, at],
      );
    },
    async list() {
      const rows = await sql.rows<Omit<ModelRow, "weights">>(
        "SELECT version, header, created_at, active FROM models ORDER BY created_at DESC, saved_seq",
      );
      return rows.map((r) => ({ version: r.version, header: r.header, createdAt: r.created_at, active: r.active === 1 }));
    },
    async get(version) {
      const row = await sql.one<ModelRow>(`SELECT ${MODEL_COLUMNS} FROM models WHERE version = $1`, [version]);
      return row && toModel(row);
    },
    async active() {
      const row = await sql.one<ModelRow>(`SELECT ${MODEL_COLUMNS} FROM models WHERE active = 1 ORDER BY saved_seq LIMIT 1`);
      return row && toModel(row);
    },
    async recordRetrain(run) {
      await sql.run(
        `INSERT INTO retrain_runs (${RUN_COLUMNS}) VALUES (${RUN_KEYS.map((_, i) => `$${i + 1}`).join(", ")})`,
        RUN_KEYS.map((k) => run[k]),
      );
    },
    recentRetrains: (limit) =>
      sql.rows<RetrainRunRow>(`SELECT ${RUN_COLUMNS} FROM retrain_runs ORDER BY started_at DESC, id DESC LIMIT $1`, [
        limit < 0 ? null : limit,
      ]),
    // One write transaction (the store's write lock), so two promotions at once never leave two models active.
    activate: (version) =>
      sql.transaction(async () => {
        await sql.run("UPDATE models SET active = 0 WHERE active = 1");
        if (version) await sql.run("UPDATE models SET active = 1 WHERE version = $1", [version]);
      }),
  };
}
