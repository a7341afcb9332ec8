import { readSamples } from "./read-samples.js";
import { jsDistance } from "./stats/js-distance.js";
import { type KsTwoSampleResult, ksTwoSample } from "./stats/ks-two-sample.js";
import { psi } from "./stats/psi.js";
import { wasserstein1 } from "./stats/wasserstein.js";

export interface DriftCompareOptions {
  baselinePath: string;
  currentPath: string;
}

/** How each statistic is computed, printed with the numbers so readers can reproduce them. */
export const DRIFT_CONVENTIONS = {
  ks: "two-sided two-sample Kolmogorov-Smirnov, scipy ks_2samp method=auto: exact p-value if max(n1,n2) <= 10000 (statistic on the h/lcm(n1,n2) lattice), else kstwo.sf(D, round(n1*n2/(n1+n2))); an exact computation that fails falls back to the latter",
  wasserstein: "first Wasserstein distance between the raw samples, as scipy.stats.wasserstein_distance",
  js_distance:
    "Jensen-Shannon distance, base 2, 10 equal-width bins on [0,1] with bin = min(9, floor(10*x)); values below 0 count in the first bin, values at or above 1 in the last",
  psi: "population stability index over 10 bins cut at the baseline deciles (numpy.quantile linear), outer edges open, bin = number of inner edges <= x, shares floored at 1e-4, PSI = sum((q - p) * ln(q / p)) with p = baseline share",
} as const;

export interface DriftCompareResult {
  n_baseline: number;
  n_current: number;
  ks: KsTwoSampleResult;
  wasserstein: number;
  js_distance: number;
  psi: number;
  conventions: typeof DRIFT_CONVENTIONS;
}

/**
 * Every drift statistic of a current sample against a baseline sample, both already in memory.
 * Sorts both arrays in place (the statistics do not depend on order).
 */
export function compareSamples(baseline: Float64Array, current: Float64Array): DriftCompareResult {
  // Sort once in place; each statistic then sees ascending Float64Arrays and does not copy.
  baseline.sort();
  current.sort();
  return {
    n_baseline: baseline.length,
    n_current: current.length,
    ks: ksTwoSample(baseline, current),
    wasserstein: wasserstein1(baseline, current),
    js_distance: jsDistance(baseline, current),
    psi: psi(baseline, current),
    conventions: DRIFT_CONVENTIONS,
  };
}

/**
 * `moodfood drift compare`: reads two files of numbers (JSON array or one per line) and compares
 * them. Unreadable or invalid input raises a UserError naming the file.
 */
export async function runDriftCompare(options: DriftCompareOptions): Promise<DriftCompareResult> {
  const baseline = readSamples(options.baselinePath);
  const current = readSamples(options.currentPath);
  return compareSamples(baseline, current);
}
