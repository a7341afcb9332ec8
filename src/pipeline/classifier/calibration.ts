// Platt scaling: p = sigmoid(a * score + b), fitted per label on scores the model produced for unseen text.

export interface Platt {
  a: number;
  b: number;
}

export const IDENTITY: Platt = { a: 1, b: 0 };

export function applyPlatt(platt: Platt, score: number): number {
  const z = platt.a * score + platt.b;
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Newton's method on the log-loss with Platt's smoothed targets, plus a pull of strength
 * `pull` towards `prior` so labels with few examples borrow from the shared fit.
 */
export function fitPlatt(scores: ArrayLike<number>, targets: ArrayLike<number>, prior: Platt = IDENTITY, pull = 1): Platt {
  let positives = 0;
  for (let i = 0; i < targets.length; i++) positives += targets[i] ?? 0;
  const negatives = targets.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let { a, b } = prior;
  const loss = (pa: number, pb: number): number => {
    let total = (pull / 2) * ((pa - prior.a) ** 2 + (pb - prior.b) ** 2);
    for (let i = 0; i < scores.length; i++) {
      const t = (targets[i] ?? 0) === 1 ? high : low;
      const z = pa * (scores[i] ?? 0) + pb;
      // log(1 + e^z) - t z, computed without overflow
      total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
    }
    return total;
  };
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = pull * (a - prior.a);
    let gb = pull * (b - prior.b);
    let haa = pull;
    let hab = 0;
    let hbb = pull;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i] ?? 0;
      const t = (targets[i] ?? 0) === 1 ? high : low;
      const p = applyPlatt({ a, b }, s);
      const d = p - t;
      const w = Math.max(p * (1 - p), 1e-12);
      ga += d * s;
      gb += d;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-18) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a - step * da, b - step * db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const improved = current - next;
    current = next;
    if (improved < 1e-10) break;
  }
  return { a, b };
}
