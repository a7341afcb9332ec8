import type { Sample } from "./sorted-sample.js";

/** Aligned counts (same index = same category), or counts keyed by label. */
export type CountVector = ArrayLike<number> | Readonly<Record<string, number>>;

export const JS_BINS = 10;

/**
 * Counts of a [0, 1] score sample in 10 equal-width bins with bin = min(9, floor(10·x)).
 * Values outside [0, 1] are clamped into the end bins (below 0 → bin 0, 1 and above → bin 9),
 * so every value counts. Unlike numpy.histogram's float edges (0.30000000000000004, …), a value
 * exactly on a tenth such as 0.3 lands in the bin that starts there.
 */
export function scoreHistogram(sample: Sample): Float64Array {
  const counts = new Float64Array(JS_BINS);
  for (let i = 0; i < sample.length; i++) {
    const x = sample[i] as number;
    if (!Number.isFinite(x)) throw new RangeError(`The sample holds a value that is not a finite number (${x}) at index ${i}.`);
    const bin = x <= 0 ? 0 : Math.min(JS_BINS - 1, Math.floor(JS_BINS * x));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

function alignCounts(p: CountVector, q: CountVector): [Float64Array, Float64Array] {
  if (isArrayLike(p) && isArrayLike(q)) {
    if (p.length !== q.length) throw new RangeError(`Count vectors differ in length (${p.length} vs ${q.length}).`);
    return [Float64Array.from(p), Float64Array.from(q)];
  }
  if (isArrayLike(p) || isArrayLike(q)) throw new TypeError("Pass both counts as arrays or both as label records.");
  const labels = [...new Set([...Object.keys(p), ...Object.keys(q)])];
  return [Float64Array.from(labels, (l) => p[l] ?? 0), Float64Array.from(labels, (l) => q[l] ?? 0)];
}

function isArrayLike(c: CountVector): c is ArrayLike<number> {
  return typeof (c as ArrayLike<number>).length === "number";
}

function checkedTotal(counts: Float64Array, side: string): number {
  let total = 0;
  for (const c of counts) {
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`The ${side} counts must be finite and non-negative, got ${c}.`);
    total += c;
  }
  if (total === 0) throw new RangeError(`The ${side} counts are all zero; a distribution needs at least one observation.`);
  return total;
}

/**
 * Jensen–Shannon distance (base 2, so in [0, 1]) between two count vectors, as
 * scipy.spatial.distance.jensenshannon(p, q, base=2) after normalising each to sum 1.
 * Labels missing on one side count as 0 there. A rounding residue below 0 is reported as 0.
 */
export function jsDistanceCounts(p: CountVector, q: CountVector): number {
  const [cp, cq] = alignCounts(p, q);
  const tp = checkedTotal(cp, "first");
  const tq = checkedTotal(cq, "second");
  let left = 0;
  let right = 0;
  for (let i = 0; i < cp.length; i++) {
    const pi = (cp[i] as number) / tp;
    const qi = (cq[i] as number) / tq;
    const mi = (pi + qi) / 2;
    if (pi > 0) left += pi * Math.log(pi / mi);
    if (qi > 0) right += qi * Math.log(qi / mi);
  }
  const js = (left + right) / Math.LN2;
  return Math.sqrt(Math.max(0, js / 2));
}

/** Jensen–Shannon distance, base 2, of two score samples over 10 equal-width bins on [0, 1]. */
export function jsDistance(a: Sample, b: Sample): number {
  return jsDistanceCounts(scoreHistogram(a), scoreHistogram(b));
}
