/** Label counts of one sample: label → number of occurrences. */
export type LabelCounts = Readonly<Record<string, number>>;

export const OTHER_LABEL = "other";
/** Cochran's rule of thumb: chi-square is trustworthy when every expected count is at least 5. */
export const MIN_EXPECTED_COUNT = 5;

export interface PooledCounts {
  labels: string[];
  countsA: number[];
  countsB: number[];
  /** Labels folded into `other` (an existing `other` label is merged, not listed). */
  pooled: string[];
}

/**
 * Aligns two label-count records over the union of their labels (a label missing on one side
 * counts 0 there; a label with 0 on both sides is dropped) and folds every label whose smaller
 * expected count, row total × label total / grand total, is below 5 into one `other` category.
 * `other` is kept even if it is itself still below 5: it holds the rare mass rather than hiding it.
 */
export function poolRareCategories(countsA: LabelCounts, countsB: LabelCounts, minExpected = MIN_EXPECTED_COUNT): PooledCounts {
  const labels = [...new Set([...Object.keys(countsA), ...Object.keys(countsB)])].sort();
  const a = labels.map((l) => countsA[l] ?? 0);
  const b = labels.map((l) => countsB[l] ?? 0);
  for (const [side, values] of [
    ["first", a],
    ["second", b],
  ] as const) {
    for (const [k, c] of values.entries()) {
      if (!(Number.isFinite(c) && c >= 0)) throw new RangeError(`The ${side} counts hold an invalid count for "${labels[k]}": ${c}.`);
    }
  }
  const totalA = a.reduce((s, c) => s + c, 0);
  const totalB = b.reduce((s, c) => s + c, 0);
  const grand = totalA + totalB;
  const smallerRow = Math.min(totalA, totalB);

  const out: PooledCounts = { labels: [], countsA: [], countsB: [], pooled: [] };
  let otherA = 0;
  let otherB = 0;
  let hasOther = false;
  labels.forEach((label, k) => {
    const ca = a[k] as number;
    const cb = b[k] as number;
    if (ca + cb === 0) return;
    const rare = (smallerRow * (ca + cb)) / grand < minExpected;
    if (rare || label === OTHER_LABEL) {
      otherA += ca;
      otherB += cb;
      hasOther = true;
      if (label !== OTHER_LABEL) out.pooled.push(label);
      return;
    }
    out.labels.push(label);
    out.countsA.push(ca);
    out.countsB.push(cb);
  });
  if (hasOther) {
    out.labels.push(OTHER_LABEL);
    out.countsA.push(otherA);
    out.countsB.push(otherB);
  }
  return out;
}
