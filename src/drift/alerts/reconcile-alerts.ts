import { randomBytes } from "node:crypto";
import type { AlertRow } from "../../store/drift-queries.js";
import type { Store } from "../../store/store.js";
import { SEVERITY_ORDER } from "../check/severity.js";
import type { SignalResult } from "../check/signals.js";

export interface AlertChanges {
  opened: AlertRow[];
  updated: AlertRow[];
  resolved: AlertRow[];
}

const ALERTING = new Set(["medium", "high", "critical"]);

/**
 * Medium and above open an alert per signal type; while one is unresolved the same condition only
 * updates it (no re-alert every interval); a signal back to none/low resolves it. Runs inside the
 * caller's transaction so the alert rows and the alert counter land together.
 */
export function reconcileAlerts(
  store: Store,
  signals: SignalResult[],
  ctx: { modelVersion: string; threshold: number; now: number },
): AlertChanges {
  const changes: AlertChanges = { opened: [], updated: [], resolved: [] };
  for (const signal of signals) {
    if (signal.status !== "ok") continue; // no evidence either way: leave the alert as it is
    const existing = store.drift.openAlert(signal.type);
    const details = JSON.stringify({ explanation: signal.explanation, test: signal.test, psi: signal.psi, ...signal.details });
    if (ALERTING.has(signal.severity)) {
      if (existing) {
        const severity =
          SEVERITY_ORDER.indexOf(signal.severity) > SEVERITY_ORDER.indexOf(existing.severity as never)
            ? signal.severity
            : existing.severity;
        store.drift.updateAlert(existing.alert_id, severity, signal.score, details, ctx.now);
        changes.updated.push({ ...existing, severity, score: signal.score, details, updated_at: ctx.now });
      } else {
        const row = {
          alert_id: `drift-${randomBytes(4).toString("hex")}`,
          type: signal.type,
          severity: signal.severity,
          opened_at: ctx.now,
          updated_at: ctx.now,
          model_version: ctx.modelVersion,
          score: signal.score,
          threshold: ctx.threshold,
          details,
        };
        store.drift.insertAlert(row);
        store.rollups.apply(
          [
            {
              name: "moodfood_drift_alerts_total",
              labels: { type: signal.type, severity: signal.severity, model_version: ctx.modelVersion },
              value: 1,
            },
          ],
          [],
          ctx.now,
        );
        changes.opened.push({ ...row, status: "open", acknowledged_at: null, resolved_at: null });
      }
    } else if (existing) {
      store.drift.resolveAlert(existing.alert_id, ctx.now);
      changes.resolved.push({ ...existing, status: "resolved", resolved_at: ctx.now, updated_at: ctx.now });
    }
  }
  return changes;
}
