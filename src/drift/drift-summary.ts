import type { Store } from "../store/store.js";
import { type AlertJson, alertToJson } from "./alerts/alert-json.js";
import type { DriftCheckResult } from "./check/run-drift-check.js";

export interface DriftSummary {
  /** The most recent `drift check`, or null before the first one. */
  last_check:
    | (Pick<
        DriftCheckResult,
        "checked_at" | "status" | "severity" | "model_version" | "overall_score" | "explanation" | "window" | "baseline"
      > & {
        signals: { type: string; severity: string; score: number | null; explanation: string }[];
      })
    | null;
  open_alerts: AlertJson[];
}

/** What GET /drift/summary answers: the latest stored check and the unresolved alerts (no recomputation). */
export async function driftSummary(store: Store): Promise<DriftSummary> {
  const row = await store.drift.latestCheck();
  const last = row ? (JSON.parse(row.result) as DriftCheckResult) : null;
  return {
    last_check: last && {
      checked_at: last.checked_at,
      status: last.status,
      severity: last.severity,
      model_version: last.model_version,
      overall_score: last.overall_score,
      explanation: last.explanation,
      window: last.window,
      baseline: last.baseline,
      signals: last.signals.map((s) => ({ type: s.type, severity: s.severity, score: s.score, explanation: s.explanation })),
    },
    open_alerts: (await store.drift.listAlerts(false, 100)).map(alertToJson),
  };
}
