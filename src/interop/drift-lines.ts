import { isoTime } from "../config/timestamps.js";
import type { AlertRow, DriftCheckRow } from "../store/drift-queries.js";
import {
  extraOf,
  extraOr,
  isNumber,
  isNumberOrNull,
  isObject,
  isString,
  type JsonObject,
  LineError,
  optionalNumber,
  optionalString,
  requiredString,
  requiredTime,
} from "./line-fields.js";
import type { OriginalDriftAlert, OriginalDriftMetrics } from "./original-layout.js";

/** Medium and above open alerts (DESIGN §6); the original's status said "alert" exactly then. */
const ALERTING = new Set(["medium", "high", "critical"]);
/** The original checked the last 24 hours of queries. */
const ORIGINAL_WINDOW_MS = 86_400_000;
const ALERT_STATUSES: Record<string, AlertRow["status"]> = {
  active: "open",
  open: "open",
  acknowledged: "acknowledged",
  resolved: "resolved",
};

/** One drift_metrics.jsonl line per stored drift check. */
export function driftCheckToLine(row: DriftCheckRow): OriginalDriftMetrics {
  const result = parseJson(row.result);
  return {
    timestamp: isoTime(row.checked_at),
    model_version: row.model_version,
    overall_drift_score: row.overall_score ?? 0,
    alerts_triggered: alertsTriggered(result),
    status: ALERTING.has(row.severity) ? "alert" : "normal",
    moodfood: { ...row, result },
  };
}

export function lineToDriftCheck(line: JsonObject): DriftCheckRow {
  const extra = extraOf(line);
  const checked_at = extraOr(extra, "checked_at", isNumber, () => requiredTime(line, "timestamp"));
  const score = optionalNumber(line, "overall_drift_score");
  const alerts = optionalNumber(line, "alerts_triggered");
  const status = optionalString(line, "status");
  if (status !== null && status !== "normal" && status !== "alert")
    throw new LineError(`"status" must be normal or alert, got ${JSON.stringify(status)}`);
  return {
    checked_at,
    window_start: extraOr(extra, "window_start", isNumber, () => checked_at - ORIGINAL_WINDOW_MS),
    window_end: extraOr(extra, "window_end", isNumber, () => checked_at),
    baseline: extraOr(extra, "baseline", isString, () => "original"),
    model_version: optionalString(line, "model_version"),
    overall_score: extraOr(extra, "overall_score", isNumberOrNull, () => score),
    // The original raised "high" alerts and knew no other severity.
    severity: extraOr(extra, "severity", isString, () => (status === "alert" ? "high" : "none")),
    result:
      "result" in extra
        ? JSON.stringify(extra.result)
        : JSON.stringify({ source: "drift_metrics.jsonl", overall_drift_score: score, alerts_triggered: alerts, status }),
  };
}

/** One drift_alerts.jsonl line per alert; the original called an open alert "active". */
export function driftAlertToLine(row: AlertRow): OriginalDriftAlert {
  return {
    alert_id: row.alert_id,
    timestamp: isoTime(row.opened_at),
    alert_type: row.type,
    severity: row.severity,
    model_version: row.model_version,
    drift_score: row.score ?? 0,
    threshold: row.threshold ?? 0,
    details: parseJson(row.details),
    status: row.status === "open" ? "active" : row.status,
    moodfood: {
      status: row.status,
      opened_at: row.opened_at,
      updated_at: row.updated_at,
      acknowledged_at: row.acknowledged_at,
      resolved_at: row.resolved_at,
      score: row.score,
      threshold: row.threshold,
    },
  };
}

export function lineToDriftAlert(line: JsonObject): AlertRow {
  const extra = extraOf(line);
  const opened_at = extraOr(extra, "opened_at", isNumber, () => requiredTime(line, "timestamp"));
  const statusText = optionalString(line, "status") ?? "active";
  const status = extraOr(
    extra,
    "status",
    (v): v is AlertRow["status"] => v === "open" || v === "acknowledged" || v === "resolved",
    () => {
      const mapped = ALERT_STATUSES[statusText];
      if (!mapped) throw new LineError(`"status" must be active, acknowledged or resolved, got ${JSON.stringify(statusText)}`);
      return mapped;
    },
  );
  return {
    alert_id: requiredString(line, "alert_id"),
    type: requiredString(line, "alert_type"),
    severity: requiredString(line, "severity"),
    status,
    opened_at,
    updated_at: extraOr(extra, "updated_at", isNumber, () => opened_at),
    acknowledged_at: extraOr(extra, "acknowledged_at", isNumberOrNull, () => null),
    resolved_at: extraOr(extra, "resolved_at", isNumberOrNull, () => null),
    model_version: optionalString(line, "model_version"),
    score: extraOr(extra, "score", isNumberOrNull, () => optionalNumber(line, "drift_score")),
    threshold: extraOr(extra, "threshold", isNumberOrNull, () => optionalNumber(line, "threshold")),
    details: line.details === undefined || line.details === null ? "{}" : JSON.stringify(line.details),
  };
}

/** Our check results list the alerts they opened; imported ones remember the original's count. */
function alertsTriggered(result: unknown): number {
  if (!isObject(result)) return 0;
  if (isObject(result.alerts) && Array.isArray(result.alerts.opened)) return result.alerts.opened.length;
  return isNumber(result.alerts_triggered) ? result.alerts_triggered : 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
