import type { AlertRow } from "../../store/drift-queries.js";

/** Public JSON of an alert: ISO times, details parsed. */
export function alertToJson(row: AlertRow) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    alert_id: row.alert_id,
    type: row.type,
    severity: row.severity,
    status: row.status,
    opened_at: iso(row.opened_at),
    updated_at: iso(row.updated_at),
    acknowledged_at: iso(row.acknowledged_at),
    resolved_at: iso(row.resolved_at),
    model_version: row.model_version,
    score: row.score,
    threshold: row.threshold,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export type AlertJson = ReturnType<typeof alertToJson>;
