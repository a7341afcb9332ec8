import type { Db } from "./open-store.js";

/** What the drift signals need of one trace. */
export interface DriftSampleRow {
  confidence: number | null;
  labels: string;
  final_decision: string | null;
  agreement: number | null;
}

export interface AlertRow {
  alert_id: string;
  type: string;
  severity: string;
  status: "open" | "acknowledged" | "resolved";
  opened_at: number;
  updated_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  model_version: string | null;
  score: number | null;
  threshold: number | null;
  details: string;
}

export interface DriftCheckRow {
  checked_at: number;
  window_start: number;
  window_end: number;
  baseline: string;
  model_version: string | null;
  overall_score: number | null;
  severity: string;
  result: string;
}

/** Statements behind drift check, drift alerts and drift baselines. */
export function driftQueries(db: Db) {
  const samples = db.prepare(
    "SELECT confidence, labels, final_decision, agreement FROM traces WHERE started_at >= ? AND started_at < ? AND status = 'ok' AND model_version = ?",
  );
  const countSamples = db.prepare(
    "SELECT count(*) AS n FROM traces WHERE started_at >= ? AND started_at < ? AND status = 'ok' AND model_version = ?",
  );
  const feedback = db.prepare(
    "SELECT sentiment, count(*) AS n FROM feedback WHERE created_at >= ? AND created_at < ? AND model_version = ? GROUP BY sentiment",
  );
  const insertCheck = db.prepare(
    "INSERT INTO drift_checks (checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result) VALUES (@checked_at, @window_start, @window_end, @baseline, @model_version, @overall_score, @severity, @result)",
  );
  const latestCheck = db.prepare("SELECT * FROM drift_checks ORDER BY checked_at DESC, id DESC LIMIT 1");
  const openAlertOfType = db.prepare("SELECT * FROM drift_alerts WHERE type = ? AND status != 'resolved' ORDER BY opened_at DESC LIMIT 1");
  const insertAlert = db.prepare(
    "INSERT INTO drift_alerts (alert_id, type, severity, status, opened_at, updated_at, model_version, score, threshold, details) VALUES (@alert_id, @type, @severity, 'open', @opened_at, @updated_at, @model_version, @score, @threshold, @details)",
  );
  const updateAlert = db.prepare("UPDATE drift_alerts SET severity = ?, score = ?, details = ?, updated_at = ? WHERE alert_id = ?");
  const resolveAlert = db.prepare("UPDATE drift_alerts SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE alert_id = ?");
  const ackAlert = db.prepare(
    "UPDATE drift_alerts SET status = 'acknowledged', acknowledged_at = ?, updated_at = ? WHERE alert_id = ? AND status = 'open'",
  );
  const alertById = db.prepare("SELECT * FROM drift_alerts WHERE alert_id = ?");
  const alertsByPrefix = db.prepare("SELECT * FROM drift_alerts WHERE alert_id LIKE ? ESCAPE '\\' LIMIT 5");
  const listAlerts = db.prepare("SELECT * FROM drift_alerts WHERE (? OR status != 'resolved') ORDER BY opened_at DESC LIMIT ?");

  return {
    samples(start: number, end: number, modelVersion: string): DriftSampleRow[] {
      return samples.all(start, end, modelVersion) as DriftSampleRow[];
    },
    /** How many traces `samples` would return, without reading them. */
    countSamples(start: number, end: number, modelVersion: string): number {
      return (countSamples.get(start, end, modelVersion) as { n: number }).n;
    },
    feedbackCounts(start: number, end: number, modelVersion: string): Record<string, number> {
      const rows = feedback.all(start, end, modelVersion) as { sentiment: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.sentiment, r.n]));
    },
    insertCheck(row: DriftCheckRow): void {
      insertCheck.run(row);
    },
    latestCheck(): DriftCheckRow | undefined {
      return latestCheck.get() as DriftCheckRow | undefined;
    },
    openAlert(type: string): AlertRow | undefined {
      return openAlertOfType.get(type) as AlertRow | undefined;
    },
    insertAlert(row: Omit<AlertRow, "status" | "acknowledged_at" | "resolved_at">): void {
      insertAlert.run(row);
    },
    updateAlert(alertId: string, severity: string, score: number | null, details: string, at: number): void {
      updateAlert.run(severity, score, details, at, alertId);
    },
    resolveAlert(alertId: string, at: number): void {
      resolveAlert.run(at, at, alertId);
    },
    acknowledgeAlert(alertId: string, at: number): boolean {
      return ackAlert.run(at, at, alertId).changes === 1;
    },
    findAlerts(idOrPrefix: string): AlertRow[] {
      const exact = alertById.get(idOrPrefix) as AlertRow | undefined;
      if (exact) return [exact];
      return alertsByPrefix.all(`${idOrPrefix.replace(/[\\%_]/g, "\\$&")}%`) as AlertRow[];
    },
    listAlerts(includeResolved: boolean, limit: number): AlertRow[] {
      return listAlerts.all(includeResolved ? 1 : 0, limit) as AlertRow[];
    },
  };
}
