import type { AlertRow, DriftCheckRow, DriftSampleRow, driftQueries } from "../drift-queries.js";
import type { Promised } from "../promised.js";
import { columnParams } from "./feedback-queries-pg.js";
import type { Sql } from "./sql.js";

// SQLite's `SELECT *` of each table, spelled out so a PostgreSQL-only column could never leak into a row.
const CHECK_ROW = "id, checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result";
const ALERT_ROW =
  "id, alert_id, type, severity, status, opened_at, updated_at, acknowledged_at, resolved_at, model_version, score, threshold, details";
const CHECK_COLUMNS = "checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result";
const NEW_ALERT_COLUMNS = "alert_id, type, severity, opened_at, updated_at, model_version, score, threshold, details";

/** Drift check, drift alerts and baselines on PostgreSQL; ties break on id as SQLite's scans return them. */
export function driftQueriesPg(sql: Sql): Promised<ReturnType<typeof driftQueries>> {
  return {
    samples: (start: number, end: number, modelVersion: string): Promise<DriftSampleRow[]> =>
      sql.rows<DriftSampleRow>(
        `SELECT confidence, labels, final_decision, agreement FROM traces
         WHERE started_at >= $1 AND started_at < $2 AND status = 'ok' AND model_version = $3 ORDER BY started_at, id`,
        [start, end, modelVersion],
      ),
    async countSamples(start: number, end: number, modelVersion: string): Promise<number> {
      const row = await sql.one<{ n: number }>(
        "SELECT count(*)::int AS n FROM traces WHERE started_at >= $1 AND started_at < $2 AND status = 'ok' AND model_version = $3",
        [start, end, modelVersion],
      );
      return row?.n ?? 0;
    },
    async feedbackCounts(start: number, end: number, modelVersion: string): Promise<Record<string, number>> {
      const rows = await sql.rows<{ sentiment: string; n: number }>(
        `SELECT sentiment, count(*)::int AS n FROM feedback WHERE created_at >= $1 AND created_at < $2 AND model_version = $3
         GROUP BY sentiment ORDER BY sentiment COLLATE "C"`,
        [start, end, modelVersion],
      );
      return Object.fromEntries(rows.map((r) => [r.sentiment, r.n]));
    },
    async insertCheck(row: DriftCheckRow): Promise<void> {
      const { placeholders, values } = columnParams(CHECK_COLUMNS, row);
      await sql.run(`INSERT INTO drift_checks (${CHECK_COLUMNS}) VALUES (${placeholders})`, values);
    },
    latestCheck: (): Promise<DriftCheckRow | undefined> =>
      sql.one<DriftCheckRow>(`SELECT ${CHECK_ROW} FROM drift_checks ORDER BY checked_at DESC, id DESC LIMIT 1`),
    openAlert: (type: string): Promise<AlertRow | undefined> =>
      sql.one<AlertRow>(
        `SELECT ${ALERT_ROW} FROM drift_alerts WHERE type = $1 AND status != 'resolved' ORDER BY opened_at DESC, id LIMIT 1`,
        [type],
      ),
    async insertAlert(row: Omit<AlertRow, "status" | "acknowledged_at" | "resolved_at">): Promise<void> {
      const { values } = columnParams(NEW_ALERT_COLUMNS, row);
      await sql.run(
        `INSERT INTO drift_alerts (alert_id, type, severity, status, opened_at, updated_at, model_version, score, threshold, details)
         VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9)`,
        values,
      );
    },
    async updateAlert(alertId: string, severity: string, score: number | null, details: string, at: number): Promise<void> {
      await sql.run("UPDATE drift_alerts SET severity = $1, score = $2, details = $3, updated_at = $4 WHERE alert_id = $5", [
        severity,
        score,
        details,
        at,
        alertId,
      ]);
    },
    async resolveAlert(alertId: string, at: number): Promise<void> {
      await sql.run("UPDATE drift_alerts SET status = 'resolved', resolved_at = $1, updated_at = $1 WHERE alert_id = $2", [at, alertId]);
    },
    async acknowledgeAlert(alertId: string, at: number): Promise<boolean> {
      const changes = await sql.run(
        "UPDATE drift_alerts SET status = 'acknowledged', acknowledged_at = $1, updated_at = $1 WHERE alert_id = $2 AND status = 'open'",
        [at, alertId],
      );
      return changes === 1;
    },
    async findAlerts(idOrPrefix: string): Promise<AlertRow[]> {
      const exact = await sql.one<AlertRow>(`SELECT ${ALERT_ROW} FROM drift_alerts WHERE alert_id = $1`, [idOrPrefix]);
      if (exact) return [exact];
      // ILIKE: SQLite's LIKE ignores ASCII case.
      return sql.rows<AlertRow>(`SELECT ${ALERT_ROW} FROM drift_alerts WHERE alert_id ILIKE $1 ESCAPE '\\' ORDER BY id LIMIT 5`, [
        `${idOrPrefix.replace(/[\\%_]/g, "\\$&")}%`,
      ]);
    },
    listAlerts: (includeResolved: boolean, limit: number): Promise<AlertRow[]> =>
      sql.rows<AlertRow>(
        `SELECT ${ALERT_ROW} FROM drift_alerts WHERE ($1::boolean OR status != 'resolved') ORDER BY opened_at DESC, id LIMIT $2`,
        [includeResolved, limit],
      ),
  };
}
