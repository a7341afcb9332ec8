import { randomBytes } from "node:crypto";
import type { AlertRow } from "../../store/drift-queries.js";
import type { Store } from "../../store/store.js";
import { SEVERITY_ORDER, type Severity } from "../check/severity.js";
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
export async function reconcileAlerts(
  store: Store,
  signals: SignalResult[],
  ctx: { modelVersion: string; threshold: number; now: number },
): Promise<AlertChanges> {
  const changes: AlertChanges = { opened: [], updated: [], resolved: [] };
  for (const signal of signals) {
    if (signal.status !== "ok") continue; // no evidence either way: leave the alert as it is
    const existing = await store.drift.openAlert(signal.type);
    const facts = { explanation: signal.explanation, test: signal.test, psi: signal.psi, ...signal.details };
    if (ALERTING.has(signal.severity)) {
      if (existing) {
        // The alert's severity is its latest measurement; the worst one seen is kept as peak_severity.
        const severity = signal.severity;
        const previous = peakOf(existing);
        const newPeak = SEVERITY_ORDER.indexOf(signal.severity) > SEVERITY_ORDER.indexOf(previous.severity);
        const peak = newPeak ? { severity: signal.severity, at: new Date(ctx.now).toISOString() } : previous;
        const details = JSON.stringify({ ...facts, peak_severity: peak.severity, peak_at: peak.at });
        await store.drift.updateAlert(existing.alert_id, severity, signal.score, details, ctx.now);
        changes.updated.push({ ...existing, severity, score: signal.score, details, updated_at: ctx.now });
      } else {
        const details = JSON.stringify({ ...facts, peak_severity: signal.severity, peak_at: new Date(ctx.now).toISOString() });
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
        await store.drift.insertAlert(row);
        await store.rollups.apply(
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
      await store.drift.resolveAlert(existing.alert_id, ctx.now);
      changes.resolved.push({ ...existing, status: "resolved", resolved_at: ctx.now, updated_at: ctx.now });
    }
  }
  return changes;
}

/** The worst severity the alert has had and when (alerts stored before peaks were kept: their own). */
function peakOf(alert: AlertRow): { severity: Severity; at: string } {
  const { peak_severity, peak_at } = JSON.parse(alert.details) as { peak_severity?: Severity; peak_at?: string };
  return { severity: peak_severity ?? (alert.severity as Severity), at: peak_at ?? new Date(alert.opened_at).toISOString() };
}
