import { chiSquareSf } from "./chi-square-sf.js";
import { type LabelCounts, poolRareCategories } from "./pool-rare-categories.js";

export interface ChiSquareResult {
  statistic: number;
  dof: number;
  pvalue: number;
  /** Categories tested after pooling, in order, and the labels folded into `other`. */
  labels: string[];
  pooled: string[];
}

export interface ChiSquareOptions {
  /** Fold categories with an expected count below 5 into `other` first (default true). */
  pool?: boolean;
}

/**
 * Chi-square test of homogeneity for two samples of labels: the 2×K table test of
 * scipy.stats.chi2_contingency(table, correction=False), p-value chi2.sf(statistic, K − 1).
 * Labels missing on one side count 0 there; labels absent from both are dropped; rare labels
 * are pooled into `other` (see poolRareCategories). Fewer than two categories left means
 * there is nothing to compare: statistic 0, dof 0, p-value 1, as scipy reports for one column.
 */
export function chiSquareHomogeneity(countsA: LabelCounts, countsB: LabelCounts, options: ChiSquareOptions = {}): ChiSquareResult {
  const table = poolRareCategories(countsA, countsB, options.pool === false ? 0 : undefined);
  const totalA = table.countsA.reduce((s, c) => s + c, 0);
  const totalB = table.countsB.reduce((s, c) => s + c, 0);
  if (totalA === 0 || totalB === 0) {
    throw new RangeError("Both samples need at least one label to compare their distributions.");
  }
  const k = table.labels.length;
  const base = { labels: table.labels, pooled: table.pooled };
  if (k < 2) return { statistic: 0, dof: 0, pvalue: 1, ...base };
  const grand = totalA + totalB;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const column = (table.countsA[i] as number) + (table.countsB[i] as number);
    for (const [observed, rowTotal] of [
      [table.countsA[i] as number, totalA],
      [table.countsB[i] as number, totalB],
    ] as const) {
      const expected = (rowTotal * column) / grand;
      statistic += ((observed - expected) * (observed - expected)) / expected;
    }
  }
  const dof = k - 1;
  return { statistic, dof, pvalue: chiSquareSf(statistic, dof), ...base };
}
