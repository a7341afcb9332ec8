import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";

export interface AlertFacts {
  alert_id: string;
  type: string;
  severity: string;
  /** Its status at the end of the week. */
  status: "open" | "acknowledged" | "resolved";
  opened_at: number;
  score: number | null;
}

export interface DriftFacts {
  checks: number;
  checksBySeverity: Record<string, number>;
  maxScore: number | null;
  raised: number;
  acknowledged: number;
  resolved: number;
  /** Open or acknowledged when the week ended. */
  unresolvedAtEnd: number;
  raisedBySeverity: Record<string, number>;
  alerts: AlertFacts[];
}

const inWeek = (p: WeekPeriod, at: number | null) => at !== null && at >= p.start && at < p.end;

/** Drift checks run and alerts raised, acknowledged and resolved in the week (their own rows: small tables). */
export async function readDrift(store: Store, period: WeekPeriod): Promise<DriftFacts> {
  const checks = await store.report.driftChecks(period.start, period.end);
  const facts: DriftFacts = {
    checks: checks.length,
    checksBySeverity: {},
    maxScore: null,
    raised: 0,
    acknowledged: 0,
    resolved: 0,
    unresolvedAtEnd: 0,
    raisedBySeverity: {},
    alerts: [],
  };
  for (const check of checks) {
    facts.checksBySeverity[check.severity] = (facts.checksBySeverity[check.severity] ?? 0) + 1;
    if (check.overall_score !== null) facts.maxScore = Math.max(facts.maxScore ?? 0, check.overall_score);
  }
  for (const alert of await store.report.alerts(period.start, period.end)) {
    if (alert.opened_at >= period.end) continue;
    const raised = inWeek(period, alert.opened_at);
    if (raised) {
      facts.raised++;
      facts.raisedBySeverity[alert.severity] = (facts.raisedBySeverity[alert.severity] ?? 0) + 1;
    }
    if (inWeek(period, alert.acknowledged_at)) facts.acknowledged++;
    if (inWeek(period, alert.resolved_at)) facts.resolved++;
    const resolvedBy = alert.resolved_at !== null && alert.resolved_at < period.end;
    const acknowledgedBy = alert.acknowledged_at !== null && alert.acknowledged_at < period.end;
    if (!resolvedBy) facts.unresolvedAtEnd++;
    const status = resolvedBy ? "resolved" : acknowledgedBy ? "acknowledged" : "open";
    facts.alerts.push({
      alert_id: alert.alert_id,
      type: alert.type,
      severity: alert.severity,
      status,
      opened_at: alert.opened_at,
      score: alert.score,
    });
  }
  return facts;
}
