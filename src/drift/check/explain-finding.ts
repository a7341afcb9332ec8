import type { Severity } from "./severity.js";

export interface Finding {
  severity: Severity;
  /** p < alpha. */
  significant: boolean;
  /** DRIFT_THRESHOLD: the PSI where "low" starts. */
  threshold: number;
  subject: string;
  /** What moved, e.g. "median 0.71 → 0.52". */
  change: string;
  evidence: { score: number; test: string; pvalue: number; alpha: number };
  /** Only given for alerting severities, where someone has to act. */
  advice: string;
}

export const formatP = (p: number): string => (p < 1e-6 ? "p<1e-6" : `p=${p.toPrecision(2)}`);

/**
 * One sentence per signal that never contradicts its severity: a significant p beside "none" is
 * called real but small, a large change without significance is called possible noise.
 */
export function explainFinding(f: Finding): string {
  const { score, test, pvalue, alpha } = f.evidence;
  const psi = `PSI ${score.toFixed(3)}`;
  const p = `${test} ${formatP(pvalue)}`;
  switch (f.severity) {
    case "none":
      return f.significant
        ? `${f.subject} is stable: ${f.change} is a real difference (${p}) but too small to matter (${psi}, below ${f.threshold.toFixed(3)}).`
        : `${f.subject} is stable: ${f.change} (${psi}).`;
    case "low":
      return f.significant
        ? `${f.subject} moved a little: ${f.change} (${psi}, ${p}); below the alert level.`
        : `${f.subject} moved: ${f.change} (${psi}), but not significantly (${p}, needs p<${alpha}): possibly noise, not alerted.`;
    default:
      return `${f.subject} changed: ${f.change} (${psi}, ${p}). ${f.advice}`;
  }
}
