// Stirling series coefficients B_{2j} / (2j (2j - 1)) for j = 1..8.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400] as const;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
/** Arguments at or above this use the Stirling series directly (truncation error below 1e-17). */
const SERIES_MIN = 15;

/**
 * Remainder of Stirling's formula: log Γ(x) − [(x − ½) log x − x + ½ log 2π], for x ≥ 15.
 * Kept separate because callers cancel the large leading terms analytically.
 */
function stirlingSeries(x: number): number {
  const r = 1 / (x * x);
  let sum = 0;
  for (let j = STIRLING.length - 1; j >= 0; j--) sum = sum * r + (STIRLING[j] as number);
  return sum / x;
}

/** log Γ(x) for x > 0, relative error around 1e-15: upward shift to x ≥ 15, then Stirling. */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === 1 || x === 2) return 0;
  let shift = 0;
  let product = 1;
  let y = x;
  while (y < SERIES_MIN) {
    product *= y;
    y += 1;
    shift = 1;
  }
  const series = (y - 0.5) * Math.log(y) - y + HALF_LOG_2PI + stirlingSeries(y);
  return shift ? series - Math.log(product) : series;
}

/**
 * δ(k) = log k! − [k log k − k + ½ log(2πk)] for integers k ≥ 1: the small correction left
 * once Stirling's leading terms are cancelled by hand (used by the Smirnov sum).
 */
export function logFactorialRemainder(k: number): number {
  if (k >= SERIES_MIN) return stirlingSeries(k);
  let logFactorial = 0;
  for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
  return logFactorial - (k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k));
}
