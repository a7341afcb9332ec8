import { type Sample, toSortedSample } from "./sorted-sample.js";

/**
 * First Wasserstein (earth mover's) distance between two empirical distributions, as
 * scipy.stats.wasserstein_distance(a, b): ∫ |F_a − F_b| over the pooled sorted values, in one
 * merge pass with a compensated (Neumaier) sum.
 */
export function wasserstein1(a: Sample, b: Sample): number {
  const u = toSortedSample(a, "first sample");
  const v = toSortedSample(b, "second sample");
  const nu = u.length;
  const nv = v.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  while (i < nu || j < nv) {
    const ui = i < nu ? (u[i] as number) : Number.POSITIVE_INFINITY;
    const vj = j < nv ? (v[j] as number) : Number.POSITIVE_INFINITY;
    const value = Math.min(ui, vj);
    while (i < nu && (u[i] as number) === value) i++;
    while (j < nv && (v[j] as number) === value) j++;
    if (i === nu && j === nv) break;
    const next = Math.min(i < nu ? (u[i] as number) : Number.POSITIVE_INFINITY, j < nv ? (v[j] as number) : Number.POSITIVE_INFINITY);
    const term = Math.abs(i / nu - j / nv) * (next - value);
    const t = sum + term;
    compensation += sum >= term ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}
