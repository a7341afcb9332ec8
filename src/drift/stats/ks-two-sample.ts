import { ksExactPvalue } from "./ks-exact.js";
import { ksStatisticSorted } from "./ks-statistic.js";
import { kstwoSf } from "./kstwo.js";
import { roundHalfEven } from "./round-half-even.js";
import { type Sample, toSortedSample } from "./sorted-sample.js";

export interface KsTwoSampleResult {
  statistic: number;
  pvalue: number;
  method: "exact" | "asymptotic";
}

/** scipy's MAX_AUTO_N: method='auto' tries the exact distribution up to this sample size. */
export const KS_EXACT_MAX_N = 10000;

/** kstwo.sf(d, round(n1·n2/(n1+n2))), scipy's asymptotic two-sided p-value. */
function asymptoticPvalue(n1: number, n2: number, d: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  return kstwoSf(d, roundHalfEven((m * n) / (m + n)));
}

/**
 * Two-sided two-sample Kolmogorov–Smirnov test as scipy.stats.ks_2samp(a, b, method='auto'):
 * exact p-value when max(n1, n2) ≤ 10000 (the statistic is then reported on the lattice
 * h/lcm(n1, n2), as scipy does), else kstwo.sf(D, round(n1·n2/(n1+n2))). If the exact
 * computation leaves [0, 1], it falls back to the asymptotic p-value, as scipy does (with a warning).
 * Samples need not be sorted; an ascending Float64Array is used without copying.
 */
export function ksTwoSample(a: Sample, b: Sample): KsTwoSampleResult {
  const sortedA = toSortedSample(a, "first sample");
  const sortedB = toSortedSample(b, "second sample");
  const n1 = sortedA.length;
  const n2 = sortedB.length;
  const { statistic } = ksStatisticSorted(sortedA, sortedB);
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const exact = ksExactPvalue(n1, n2, statistic);
    if (exact.ok) return { statistic: exact.statistic, pvalue: exact.pvalue, method: "exact" };
    const pvalue = asymptoticPvalue(n1, n2, exact.statistic);
    return { statistic: exact.statistic, pvalue: Math.min(1, Math.max(0, pvalue)), method: "asymptotic" };
  }
  return { statistic, pvalue: Math.min(1, Math.max(0, asymptoticPvalue(n1, n2, statistic))), method: "asymptotic" };
}
