import { logFactorialRemainder } from "./log-gamma.js";

/** scipy's cephes MINLOG = log(2^-1022): below this e^(-2nx²) underflows. */
const MIN_LOG = -708.3964185322641;
/** scipy.special.smirnov switches to an approximation above this n. */
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;
const LOG_2PI = Math.log(2 * Math.PI);
/** exp() of anything below this is 0 in doubles, so a term this small counts as zero. */
const LOG_SMALLEST_DOUBLE = -745.2;
/** Rescale the running sum when a term exceeds the reference by this much (e^600 is safe). */
const RESCALE_LOG = 600;

/** Exact floor(n·x) and remainder of the product n·x (Dekker's two-product, no FMA needed). */
function floorAndRemainder(n: number, x: number): { floor: number; alpha: number } {
  const hi = n * x;
  const split = 134217729; // 2^27 + 1
  const xs = split * x;
  const xHi = xs - (xs - x);
  const xLo = x - xHi;
  const ns = split * n;
  const nHi = ns - (ns - n);
  const nLo = n - nHi;
  const lo = nHi * xHi - hi + nHi * xLo + nLo * xHi + nLo * xLo;
  let floor = Math.floor(hi);
  let alpha = hi - floor + lo;
  if (alpha < 0) {
    floor -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    floor += 1;
    alpha = 0;
  }
  return { floor, alpha };
}

/**
 * log of term v of the Smirnov/Birnbaum–Tingey sum, A_v = C(n,v)·(x+v/n)^(v−1)·(1−x−v/n)^(n−v),
 * for 1 ≤ v < n(1−x). Stirling's leading terms of C(n,v) cancel against the powers by hand, so
 * every piece left is well conditioned in double precision (about 1e-12 relative per term);
 * scipy reaches the same accuracy with double-double arithmetic.
 */
function logTerm(n: number, v: number, nxFloor: number, alpha: number): number {
  const nx = nxFloor + alpha;
  const rest = n - v;
  const up = nx / v;
  const down = nx / rest;
  const upLog = up < 1 ? Math.log1p(up) : Math.log(nxFloor + v + alpha) - Math.log(v);
  const downLog = down < 0.5 ? Math.log1p(-down) : Math.log(rest - nxFloor - alpha) - Math.log(rest);
  return (
    v * upLog +
    rest * downLog -
    Math.log((nxFloor + v + alpha) / n) -
    0.5 * (LOG_2PI + Math.log(v) + Math.log(rest / n)) +
    logFactorialRemainder(n) -
    logFactorialRemainder(v) -
    logFactorialRemainder(rest)
  );
}

/**
 * One-sided one-sample Kolmogorov–Smirnov survival function P(D_n⁺ ≥ x), as
 * scipy.special.smirnov: Smirnov's lower sum of positive terms, with scipy's special cases
 * (x ≤ 1/n, x ≥ 1 − 1/n, underflow, and its approximation for n > 1,000,000).
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1) || !Number.isInteger(n)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxFloor, alpha } = floorAndRemainder(n, x);
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) return 1 - x * Math.exp((n - 1) * Math.log1p(x));
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxFloor >= n - 1) return Math.exp(n * Math.log1p(-x));
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  return lowerSum(n, x, nxFloor, alpha);
}

/** x · Σ_{v=0}^{⌊n(1−x)⌋} A_v, summed in a rescaled log domain with scipy's early stop. */
function lowerSum(n: number, x: number, nxFloor: number, alpha: number): number {
  // v runs to floor(n(1-x)); when n·x is an integer the last term is zero and is skipped.
  const lastV = n - nxFloor - 1;
  const nTerms = lastV + 1;
  const halfN = Math.floor(n / 2);
  let ref = n * Math.log1p(-x) - Math.log(x); // log A_0 = log((1-x)^n / x)
  let sum = 1;
  let compensation = 0;
  for (let v = 1; v < nTerms; v++) {
    const logA = logTerm(n, v, nxFloor, alpha);
    if (logA > ref + RESCALE_LOG) {
      const scale = Math.exp(ref - logA);
      sum *= scale;
      compensation *= scale;
      ref = logA;
    }
    const term = Math.exp(logA - ref);
    const t = sum + term;
    compensation += Math.abs(sum) >= term ? sum - t + term : term - t + sum;
    sum = t;
    if (logA > LOG_SMALLEST_DOUBLE) {
      // scipy stops once the remaining terms cannot change the sum.
      if (4 * (nTerms - v) * term < Number.EPSILON * sum && v !== nTerms - 1) break;
    } else if (v > halfN) {
      break;
    }
  }
  const logSf = Math.log(x) + ref + Math.log(sum + compensation);
  return Math.min(1, Math.max(0, Math.exp(logSf)));
}
