import type { Db } from "./open-store.js";

export interface StoredModel {
  version: string;
  header: string;
  weights: Buffer;
  createdAt: number;
  active: boolean;
}

/** One `retrain` run (the original system's record: samples, gold/silver, scores, duration, trigger, status). */
export interface RetrainRunRow {
  run_id: string;
  started_at: number;
  duration_ms: number;
  trigger: string;
  status: string;
  candidate: string | null;
  active: string;
  promoted: number;
  reason: string;
  samples: number;
  gold: number;
  silver: number;
  gold_ratio: number;
  /** JSON: the candidate's and the active model's held-out scores. */
  scores: string;
  /** JSON: the buffer's counts and rejections. */
  buffer: string;
}

export const RUN_COLUMNS =
  "run_id, started_at, duration_ms, trigger, status, candidate, active, promoted, reason, samples, gold, silver, gold_ratio, scores, buffer";

/** Trained model versions live in the store, so the data dir stays a single file. */
/** A models row as both backends return it. */
export type ModelRow = { version: string; header: string; weights: Buffer; created_at: number; active: number };

export const toModel = (r: ModelRow): StoredModel => ({
  version: r.version,
  header: r.header,
  weights: r.weights,
  createdAt: r.created_at,
  active: r.active === 1,
});

export function modelQueries(db: Db) {
  const insert = db.prepare("INSERT OR REPLACE INTO models (version, header, weights, created_at, active) VALUES (?, ?, ?, ?, 0)");
  const list = db.prepare("SELECT version, header, created_at, active FROM models ORDER BY created_at DESC");
  const get = db.prepare("SELECT version, header, weights, created_at, active FROM models WHERE version = ?");
  const active = db.prepare("SELECT version, header, weights, created_at, active FROM models WHERE active = 1");
  const clear = db.prepare("UPDATE models SET active = 0 WHERE active = 1");
  const activate = db.prepare("UPDATE models SET active = 1 WHERE version = ?");
  const insertRun = db.prepare(`INSERT INTO retrain_runs (${RUN_COLUMNS}) VALUES (${RUN_COLUMNS.replace(/(^|, )/g, "$1@")})`);
  const recentRuns = db.prepare(`SELECT ${RUN_COLUMNS} FROM retrain_runs ORDER BY started_at DESC, id DESC LIMIT ?`);

  return {
    save(version: string, header: string, weights: Buffer, at: number): void {
      insert.run(version, header, weights, at);
    },
    list(): Omit<StoredModel, "weights">[] {
      return (list.all() as Omit<ModelRow, "weights">[]).map((r) => ({
        version: r.version,
        header: r.header,
        createdAt: r.created_at,
        active: r.active === 1,
      }));
    },
    get(version: string): StoredModel | undefined {
      const row = get.get(version) as ModelRow | undefined;
      return row && toModel(row);
    },
    /** The promoted model, or undefined when the shipped one is in use. */
    active(): StoredModel | undefined {
      const row = active.get() as ModelRow | undefined;
      return row && toModel(row);
    },
    recordRetrain(run: RetrainRunRow): void {
      insertRun.run(run);
    },
    /** The latest retrain runs, newest first. */
    recentRetrains(limit: number): RetrainRunRow[] {
      return recentRuns.all(limit) as RetrainRunRow[];
    },
    /** Makes one version active; undefined means "back to the shipped model". */
    activate(version: string | undefined): void {
      db.transaction(() => {
        clear.run();
        if (version) activate.run(version);
      }).immediate();
    },
  };
}
