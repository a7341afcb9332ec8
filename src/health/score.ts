import type { CheckResult, CheckStatus, Component, OverallStatus } from "./types.js";

/**
 * Weights of the score (they sum to 100). A component earns its whole weight when all its checks
 * pass, half when its worst check warns, nothing when one fails.
 */
export const COMPONENT_WEIGHTS: Readonly<Record<Component, number>> = {
  store: 30,
  filesystem: 15,
  model: 15,
  llm: 10,
  errors: 10,
  drift: 10,
  metrics_server: 5,
  feedback: 5,
};

const EARNED: Record<CheckStatus, number> = { pass: 1, warn: 0.5, fail: 0 };
/** The score never contradicts the status (deploy/alerts.yml: below 50 unhealthy, below 80 degraded). */
const BAND_CEILING: Record<OverallStatus, number> = { healthy: 100, degraded: 79, unhealthy: 49 };

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };
export const worst = (statuses: CheckStatus[]): CheckStatus => statuses.reduce<CheckStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), "pass");

/** Any failed check: unhealthy; else any warning: degraded; else healthy. */
export function overallStatus(checks: readonly CheckResult[]): OverallStatus {
  const status = worst(checks.map((c) => c.status));
  return status === "fail" ? "unhealthy" : status === "warn" ? "degraded" : "healthy";
}

/** Σ weight × earned over the components, held inside the band of the overall status; one decimal. */
export function healthScore(checks: readonly CheckResult[]): number {
  let sum = 0;
  for (const [component, weight] of Object.entries(COMPONENT_WEIGHTS) as [Component, number][]) {
    const own = checks.filter((c) => c.component === component).map((c) => c.status);
    sum += weight * EARNED[worst(own)]; // a component with no check (not applicable) earns its weight
  }
  return Math.round(Math.min(sum, BAND_CEILING[overallStatus(checks)]) * 10) / 10;
}

/** Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL (3 UNKNOWN is for a check that could not run). */
export const EXIT_CODES: Readonly<Record<OverallStatus, 0 | 1 | 2>> = { healthy: 0, degraded: 1, unhealthy: 2 };
