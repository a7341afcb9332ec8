export interface KsStatistic {
  /** sup |F1 − F2| over the pooled values. */
  statistic: number;
  /** A pooled value where the supremum is reached. */
  location: number;
  /** +1 when F1 − F2 is largest there, −1 when F2 − F1 is. */
  sign: 1 | -1;
}

/**
 * Two-sided two-sample KS statistic of two ascending samples in one merge pass, with the same
 * arithmetic as scipy's ks_2samp: at each distinct pooled value, i/n1 − j/n2 with i and j the
 * counts ≤ that value, so ties are handled exactly as `searchsorted(side='right')` does.
 */
export function ksStatisticSorted(a: Float64Array, b: Float64Array): KsStatistic {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  let maxAt = 0;
  let minAt = 0;
  while (i < n1 || j < n2) {
    const ai = i < n1 ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const bj = j < n2 ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const value = Math.min(ai, bj);
    while (i < n1 && (a[i] as number) === value) i++;
    while (j < n2 && (b[j] as number) === value) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) {
      maxDiff = diff;
      maxAt = value;
    }
    if (diff < minDiff) {
      minDiff = diff;
      minAt = value;
    }
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  return minS > maxDiff ? { statistic: minS, location: minAt, sign: -1 } : { statistic: maxDiff, location: maxAt, sign: 1 };
}
