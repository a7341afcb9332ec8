/** Latency bucket bounds in ms (DESIGN §5): local stages take well under a millisecond. */
export const MS_BUCKETS: readonly number[] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];

/** Index of the first bucket whose bound is >= value; MS_BUCKETS.length is the +Inf bucket. */
export function bucketIndex(value: number, bounds: readonly number[] = MS_BUCKETS): number {
  for (let i = 0; i < bounds.length; i++) if (value <= (bounds[i] as number)) return i;
  return bounds.length;
}
