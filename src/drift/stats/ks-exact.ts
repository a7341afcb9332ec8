import { roundHalfEven } from "./round-half-even.js";

/**
 * P(D_{n,n} ≥ h/n) for two samples of equal size (scipy `_compute_prob_outside_square`):
 * the alternating reflection sum 2·Σ ±C(2n, n−kh)/C(2n, n), in a Horner-like form that avoids
 * subtractive cancellation.
 */
export function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| < h/lcm(m,n)
 * (scipy `_compute_outer_prob_inside_method`): Hodges' inside method with Viehmann's recursion
 * for 1 − p, one sliding column at a time, so it stays within [0, 1] without rescaling.
 */
export function probOutsideBand(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(lenA).fill(1);
  a.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((a[jj + minj - lastminj] as number) * i + val * j) / (i + j);
      a[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return a[maxj - minj - 1] as number;
}

export interface ExactAttempt {
  /** False when the computation left [0, 1]; scipy then falls back to the asymptotic p-value. */
  ok: boolean;
  /** The statistic snapped to the lattice, h / lcm(n1, n2), which scipy reports in exact mode. */
  statistic: number;
  pvalue: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Exact two-sided two-sample KS p-value (scipy `_attempt_exact_2kssamp`, alternative two-sided). */
export function ksExactPvalue(n1: number, n2: number, d: number): ExactAttempt {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { ok: true, statistic, pvalue: 1 };
  const pvalue = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
  return { ok: pvalue >= 0 && pvalue <= 1, statistic, pvalue };
}
