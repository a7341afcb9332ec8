export type Severity = "none" | "low" | "medium" | "high" | "critical";
export const SEVERITY_ORDER: readonly Severity[] = ["none", "low", "medium", "high", "critical"];

/** The PSI ladder of DESIGN §6 at DRIFT_THRESHOLD = 0.1; other thresholds scale it. */
const LADDER = { low: 0.1, medium: 0.2, high: 0.25, critical: 0.5 } as const;

/** Severity of a bias-corrected PSI; `significant` false means the change may be noise, so at most low. */
export function severityOf(psiCorrected: number, threshold: number, significant: boolean): Severity {
  const scale = threshold / 0.1;
  let severity: Severity = "none";
  if (psiCorrected >= LADDER.low * scale) severity = "low";
  if (psiCorrected >= LADDER.medium * scale) severity = "medium";
  if (psiCorrected > LADDER.high * scale) severity = "high";
  if (psiCorrected > LADDER.critical * scale) severity = "critical";
  return significant || severity === "none" ? severity : "low";
}

export const maxSeverity = (severities: Severity[]): Severity =>
  severities.reduce<Severity>((worst, s) => (SEVERITY_ORDER.indexOf(s) > SEVERITY_ORDER.indexOf(worst) ? s : worst), "none");

/** Expected PSI under no change, about (k − 1)(1/n₁ + 1/n₂): subtracted so small samples don't cry wolf. */
export const psiBias = (bins: number, n1: number, n2: number): number => (bins - 1) * (1 / n1 + 1 / n2);
