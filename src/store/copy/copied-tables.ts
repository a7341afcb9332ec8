// What `moodfood migrate` copies: each SQLite table, the PostgreSQL columns it lands in, and how a row
// already on the target is recognised. Columns mirror src/store/migrations.ts and postgres/migrations.ts.

export type SourceRow = Record<string, unknown>;

export interface CopiedColumn {
  name: string;
  /** The PostgreSQL type a value is cast to (a VALUES list has no column types of its own). */
  type: string;
  nullable?: boolean;
}

export interface CopiedTable {
  name: string;
  columns: readonly CopiedColumn[];
  /**
   * The natural key: a row whose key is on the target is already there. `unique` keys have a
   * unique index (ON CONFLICT DO NOTHING); a table without one is matched on its whole row.
   */
  key: readonly string[];
  keyKind: "unique" | "whole-row";
  /** SQLite's SELECT, in the order rows were written, so PostgreSQL ids (and ties they break) follow it. */
  select: string;
  /** A SQLite row turned into the target's values (instance added, JSON arrays as PostgreSQL arrays). */
  toTarget?: (row: SourceRow, instance: string) => SourceRow;
  /** A SQL expression over `v.<column>` that replaces a plain copy of that column. */
  insertAs?: Readonly<Record<string, string>>;
}

const text = (name: string, nullable = false): CopiedColumn => ({ name, type: "text", nullable });
const bigint = (name: string, nullable = false): CopiedColumn => ({ name, type: "bigint", nullable });
const float = (name: string, nullable = false): CopiedColumn => ({ name, type: "float8", nullable });
const int = (name: string, nullable = false): CopiedColumn => ({ name, type: "int", nullable });

const wholeRow = (columns: readonly CopiedColumn[]) => columns.map((c) => c.name);
const selectAll = (table: string, columns: readonly CopiedColumn[], order: string) =>
  `SELECT ${columns.map((c) => c.name).join(", ")} FROM ${table} ORDER BY ${order}`;

const TRACES = [
  text("trace_id"),
  text("root_span_id"),
  bigint("started_at"),
  bigint("ended_at", true),
  float("duration_ms", true),
  text("status"),
  text("query"),
  text("labels"),
  float("confidence", true),
  text("final_decision", true),
  text("model_version", true),
  text("request_id"),
  text("user_id", true),
  text("session_id", true),
  text("error", true),
  text("spans"),
  text("recommendations"),
  int("agreement", true),
];
const FEEDBACK = [
  text("feedback_id"),
  text("trace_id"),
  bigint("created_at"),
  text("type"),
  int("rating", true),
  text("thumbs", true),
  text("comment", true),
  text("signal", true),
  text("sentiment"),
  text("model_version", true),
  text("user_id", true),
  text("session_id", true),
  text("labels", true),
];
const DRIFT_CHECKS = [
  bigint("checked_at"),
  bigint("window_start"),
  bigint("window_end"),
  text("baseline"),
  text("model_version", true),
  float("overall_score", true),
  text("severity"),
  text("result"),
];
const DRIFT_ALERTS = [
  text("alert_id"),
  text("type"),
  text("severity"),
  text("status"),
  bigint("opened_at"),
  bigint("updated_at"),
  bigint("acknowledged_at", true),
  bigint("resolved_at", true),
  text("model_version", true),
  float("score", true),
  float("threshold", true),
  text("details"),
];
const HEALTH_CHECKS = [bigint("checked_at"), text("status"), float("score"), text("source"), text("checks")];
const MODELS = [text("version"), text("header"), { name: "weights", type: "bytea" }, bigint("created_at"), int("active")];
const RETRAIN_RUNS = [
  text("run_id"),
  bigint("started_at"),
  float("duration_ms"),
  text("trigger"),
  text("status"),
  text("candidate", true),
  text("active"),
  int("promoted"),
  text("reason"),
  int("samples"),
  int("gold"),
  int("silver"),
  float("gold_ratio"),
  text("scores"),
  text("buffer"),
];
const META = [text("key"), text("value"), bigint("updated_at")];
const COUNTER_ROLLUPS = [text("instance"), text("name"), text("labels"), bigint("hour"), float("value")];
const HISTOGRAM_ROLLUPS = [
  text("instance"),
  text("name"),
  text("labels"),
  bigint("hour"),
  bigint("count"),
  float("sum"),
  { name: "buckets", type: "bigint[]" },
  text("exemplar_trace_id", true),
  float("exemplar_value", true),
  bigint("exemplar_at", true),
];
const ROLLUP_KEY = ["instance", "name", "hour", "labels"];

/** SQLite keeps no instance: its rollups are this data dir's, and land under its instance id. */
const withInstance = (row: SourceRow, instance: string): SourceRow => ({ instance, ...row });

/** In copy order: traces before what refers to them, so a reader of a half-copied target sees no dangling feedback. */
export const COPIED_TABLES: readonly CopiedTable[] = [
  { name: "traces", columns: TRACES, key: ["trace_id"], keyKind: "unique", select: selectAll("traces", TRACES, "id") },
  { name: "feedback", columns: FEEDBACK, key: ["feedback_id"], keyKind: "unique", select: selectAll("feedback", FEEDBACK, "id") },
  {
    name: "drift_checks",
    columns: DRIFT_CHECKS,
    key: wholeRow(DRIFT_CHECKS),
    keyKind: "whole-row",
    select: selectAll("drift_checks", DRIFT_CHECKS, "id"),
  },
  {
    name: "drift_alerts",
    columns: DRIFT_ALERTS,
    key: ["alert_id"],
    keyKind: "unique",
    select: selectAll("drift_alerts", DRIFT_ALERTS, "id"),
  },
  {
    name: "health_checks",
    columns: HEALTH_CHECKS,
    key: wholeRow(HEALTH_CHECKS),
    keyKind: "whole-row",
    select: selectAll("health_checks", HEALTH_CHECKS, "id"),
  },
  {
    name: "models",
    columns: MODELS,
    key: ["version"],
    keyKind: "unique",
    select: selectAll("models", MODELS, "rowid"),
    // A target that already has an active model keeps it: two active models would make `active` ambiguous.
    insertAs: { active: "CASE WHEN EXISTS (SELECT 1 FROM models WHERE active = 1) THEN 0 ELSE v.active END" },
  },
  {
    name: "retrain_runs",
    columns: RETRAIN_RUNS,
    key: ["run_id"],
    keyKind: "unique",
    select: selectAll("retrain_runs", RETRAIN_RUNS, "id"),
  },
  { name: "meta", columns: META, key: ["key"], keyKind: "unique", select: selectAll("meta", META, "key") },
  {
    name: "counter_rollups",
    columns: COUNTER_ROLLUPS,
    key: ROLLUP_KEY,
    keyKind: "unique",
    select: "SELECT name, labels, hour, value FROM counter_rollups ORDER BY name, hour, labels",
    toTarget: withInstance,
  },
  {
    name: "histogram_rollups",
    columns: HISTOGRAM_ROLLUPS,
    key: ROLLUP_KEY,
    keyKind: "unique",
    select:
      "SELECT name, labels, hour, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at FROM histogram_rollups ORDER BY name, hour, labels",
    // SQLite keeps the per-bucket counts as a JSON array; PostgreSQL as BIGINT[] ('{1,0,2}').
    toTarget: (row, instance) => ({
      ...withInstance(row, instance),
      buckets: `{${(JSON.parse(String(row.buckets)) as number[]).join(",")}}`,
    }),
  },
];
