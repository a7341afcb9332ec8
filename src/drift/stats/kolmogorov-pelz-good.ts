const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const MIN_LOG = -708;

/**
 * Pelz–Good approximation to P(D_n ≤ x) (scipy `_kolmogn_PelzGood`): the Li-Chien/Korolyuk
 * expansion K0 + K1/√n + K2/n + K3/n^1.5, each term rewritten with Jacobi theta identities so
 * it converges fast for small z = x√n. scipy uses it for n > 100,000 when the exact
 * matrix method would be too slow.
 */
export function kolmogorovCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI2 / 8 / z2;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);

  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  // Horner over odd integers m = 2k−1 of Σ c_k q^(m²).
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = q ** (8 * k);
    k0 = k0 * qpower + 1;
    k1 = k1 * qpower + (k1a + k1b * m2);
    k2 = k2 * qpower + (k2a + k2b * m2 + k2c * m4);
    k3 = k3 * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
  }
  const scale = q * SQRT2PI;
  k0 = (k0 * scale) / z;
  k1 = (k1 * scale) / (6 * z4);
  k2 = (k2 * scale) / (72 * z ** 7);
  k3 = (k3 * scale) / (6480 * z ** 10);

  // The remaining sums over all integers k for K2 and K3.
  q = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksq = k * k;
    const qpw = q ** ksq;
    const kspi = Math.PI * k;
    k2extra += ksq * qpw;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qpw;
  }
  k2 += (k2extra * PI2 * SQRT2PI) / (-36 * z3);
  k3 += (k3extra * PI2 * SQRT2PI) / (216 * z6);

  return k0 + k1 / Math.sqrt(n) + k2 / n + k3 / n ** 1.5;
}
