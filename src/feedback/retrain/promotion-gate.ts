import type { ModelScores } from "./score-model.js";

// Measured noise: one added confirmed example moved the gate's macro-F1 by -0.008, micro-F1 by -0.005 and
// emotion_sad's F1 (18 examples) by -0.034. The tolerances sit just above that, so noise does not decide.
/** Largest fall of macro-F1 (mean over the gate's labels) still called "not worse". */
export const MACRO_TOLERANCE = 0.015;
/** Largest fall of micro-F1 still called "not worse". */
export const MICRO_TOLERANCE = 0.01;
/** A label with at least this many gate examples may not lose more than LABEL_TOLERANCE of F1. */
export const LABEL_MIN_SUPPORT = 5;
export const LABEL_TOLERANCE = 0.1;

export interface GateVerdict {
  pass: boolean;
  reason: string;
  /** Labels whose F1 fell by more than the tolerance, worst first. */
  regressions: { label: string; active: number; candidate: number }[];
}

/**
 * The candidate may replace the active model only when it is not worse on data nothing was tuned on: macro- and
 * micro-F1 within their tolerances, and no well-supported label losing more than LABEL_TOLERANCE. The per-label
 * check catches a targeted attack (one mood relabelled) that an average would dilute.
 */
export function judgeCandidate(candidate: ModelScores, active: ModelScores): GateVerdict {
  const regressions = Object.entries(active.per_label)
    .filter(([, a]) => a.support >= LABEL_MIN_SUPPORT)
    .map(([label, a]) => ({ label, active: a.f1, candidate: candidate.per_label[label]?.f1 ?? 0 }))
    .filter((r) => r.active - r.candidate > LABEL_TOLERANCE)
    .sort((x, y) => y.active - y.candidate - (x.active - x.candidate));
  const f = (x: number) => x.toFixed(3);
  if (candidate.macro_f1 < active.macro_f1 - MACRO_TOLERANCE)
    return { pass: false, regressions, reason: `held-out macro-F1 fell from ${f(active.macro_f1)} to ${f(candidate.macro_f1)}` };
  if (candidate.micro_f1 < active.micro_f1 - MICRO_TOLERANCE)
    return { pass: false, regressions, reason: `held-out micro-F1 fell from ${f(active.micro_f1)} to ${f(candidate.micro_f1)}` };
  const [worst] = regressions;
  if (worst)
    return {
      pass: false,
      regressions,
      reason: `${worst.label} F1 fell from ${f(worst.active)} to ${f(worst.candidate)}${regressions.length > 1 ? ` (and ${regressions.length - 1} more labels)` : ""}`,
    };
  return {
    pass: true,
    regressions,
    reason: `not worse on held-out data: macro-F1 ${f(active.macro_f1)} -> ${f(candidate.macro_f1)}, micro-F1 ${f(active.micro_f1)} -> ${f(candidate.micro_f1)}`,
  };
}
