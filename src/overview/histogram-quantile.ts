/**
 * The q-quantile of a bucketed histogram, as Prometheus' histogram_quantile computes it: linear
 * interpolation inside the bucket holding the rank, 0 as the first bucket's lower bound, and the
 * top finite bound when the rank falls in +Inf. `buckets` are per-bucket counts; the last is +Inf.
 */
export function histogramQuantile(q: number, bounds: readonly number[], buckets: readonly number[]): { value: number; beyond: boolean } {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return { value: Number.NaN, beyond: false };
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i] ?? 0;
    if (seen + n >= rank && n > 0) {
      if (i >= bounds.length) return { value: bounds[bounds.length - 1] ?? Number.NaN, beyond: true };
      const lower = i === 0 ? 0 : (bounds[i - 1] as number);
      const upper = bounds[i] as number;
      return { value: lower + (upper - lower) * ((rank - seen) / n), beyond: false };
    }
    seen += n;
  }
  return { value: bounds[bounds.length - 1] ?? Number.NaN, beyond: true };
}
