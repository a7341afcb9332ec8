import { kolmogorovCdfDurbin } from "./kolmogorov-durbin.js";
import { kolmogorovCdfPelzGood } from "./kolmogorov-pelz-good.js";
import { kolmogorovCdfPomeranz } from "./kolmogorov-pomeranz.js";
import { logFactorialRemainder } from "./log-gamma.js";
import { smirnovSf } from "./smirnov.js";

const clip = (p: number) => Math.min(1, Math.max(0, p));
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(n!/nⁿ) without forming n! (scipy `_log_nfactorial_div_n_pow_n`). */
function logFactorialOverPower(n: number): number {
  return 0.5 * Math.log(n) - n + HALF_LOG_2PI + logFactorialRemainder(n);
}

/**
 * P(D_n ≤ x) and P(D_n > x) for the two-sided one-sample Kolmogorov–Smirnov statistic, choosing
 * the method exactly as scipy's `_kolmogn` does (Simard & L'Ecuyer 2011): Ruben–Gambino closed
 * forms at the ends, 2·smirnov for x ≥ ½, Durbin's matrix (Marsaglia–Tsang–Wang) or Pomeranz
 * for n ≤ 140, and for larger n the Durbin matrix, Pelz–Good, or 2·smirnov in the upper tail.
 */
function kolmogn(n: number, x: number, cdf: boolean): number {
  const pick = (c: number, s: number) => clip(cdf ? c : s);
  if (x >= 1) return pick(1, 0);
  if (x <= 0) return pick(0, 1);
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return pick(0, 1);
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return pick(prob, 1 - prob);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - x) ** n;
    return pick(1 - prob, prob);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return pick(1 - prob, prob);
  }
  const nxSquared = t * x;
  if (n <= 140) {
    let prob: number;
    if (nxSquared <= 0.754693) prob = kolmogorovCdfDurbin(n, x);
    else if (nxSquared <= 4) prob = kolmogorovCdfPomeranz(n, x);
    else {
      const sf = 2 * smirnovSf(n, x);
      return pick(1 - sf, sf);
    }
    return pick(prob, 1 - prob);
  }
  if (!cdf) {
    if (nxSquared >= 370) return 0;
    if (nxSquared >= 2.2) return clip(2 * smirnovSf(n, x));
  }
  let cdfProb: number;
  if (nxSquared >= 18) cdfProb = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdfProb = kolmogorovCdfDurbin(n, x);
  else cdfProb = kolmogorovCdfPelzGood(n, x);
  return pick(cdfProb, 1 - cdfProb);
}

function checkArgs(d: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`kstwo needs an integer n >= 1, got ${n}`);
  if (Number.isNaN(d)) throw new RangeError("kstwo needs a statistic that is a number, got NaN");
}

/**
 * Survival function P(D_n ≥ d) of the exact two-sided one-sample Kolmogorov–Smirnov
 * distribution, as scipy.stats.kstwo.sf(d, n): 1 below the support (d ≤ 1/(2n)), 0 at d ≥ 1.
 */
export function kstwoSf(d: number, n: number): number {
  checkArgs(d, n);
  if (d <= 0.5 / n) return 1;
  if (d >= 1) return 0;
  return kolmogn(n, d, false);
}

/** Cumulative distribution P(D_n ≤ d), as scipy.stats.kstwo.cdf(d, n). */
export function kstwoCdf(d: number, n: number): number {
  checkArgs(d, n);
  if (d <= 0.5 / n) return 0;
  if (d >= 1) return 1;
  return kolmogn(n, d, true);
}
