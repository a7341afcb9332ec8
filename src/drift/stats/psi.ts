import { quantileSorted } from "./quantile.js";
import { type Sample, toSortedSample } from "./sorted-sample.js";

export const PSI_BINS = 10;
/** Shares below this are raised to it so empty bins do not make ln(q/p) infinite. */
export const PSI_SHARE_FLOOR = 1e-4;

/** numpy.linspace(0, 1, 11)[k]: k·0.1 with the last point exactly 1 (so 0.30000000000000004). */
const binProbability = (k: number) => (k === PSI_BINS ? 1 : k * (1 / PSI_BINS));

/** The 9 inner edges: baseline quantiles at 0.1 … 0.9, numpy.quantile 'linear'. */
export function psiInnerEdges(sortedBaseline: Float64Array): Float64Array {
  const edges = new Float64Array(PSI_BINS - 1);
  for (let k = 1; k < PSI_BINS; k++) edges[k - 1] = quantileSorted(sortedBaseline, binProbability(k));
  return edges;
}

/** Number of values < x in an ascending array (binary search). */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts per bin, where bin = number of inner edges ≤ x (outer edges open). */
export function psiBinCounts(sorted: Float64Array, innerEdges: Float64Array): Float64Array {
  const counts = new Float64Array(PSI_BINS);
  let previous = 0;
  for (let k = 0; k < innerEdges.length; k++) {
    const below = countBelow(sorted, innerEdges[k] as number);
    counts[k] = below - previous;
    previous = below;
  }
  counts[PSI_BINS - 1] = sorted.length - previous;
  return counts;
}

/**
 * Population Stability Index of `current` against `baseline`: 10 bins cut at the baseline's
 * deciles (linear interpolation), outer edges open, shares floored at 1e-4, and
 * PSI = Σ (q − p)·ln(q/p) with p the baseline share and q the current share.
 */
export function psi(baseline: Sample, current: Sample): number {
  const base = toSortedSample(baseline, "baseline");
  const cur = toSortedSample(current, "current sample");
  const edges = psiInnerEdges(base);
  const baseCounts = psiBinCounts(base, edges);
  const curCounts = psiBinCounts(cur, edges);
  let total = 0;
  for (let k = 0; k < PSI_BINS; k++) {
    const p = Math.max((baseCounts[k] as number) / base.length, PSI_SHARE_FLOOR);
    const q = Math.max((curCounts[k] as number) / cur.length, PSI_SHARE_FLOOR);
    total += (q - p) * Math.log(q / p);
  }
  return total;
}
