// sfc32 seeded through cyrb128: fast, small state, good statistical quality for traffic generation.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** An independent stream for one concern, so adding draws in one place never shifts another. */
  fork(label: string): Rng;
}

export function createRng(seed: string | number): Rng {
  return fromState(String(seed));
}

function fromState(seedText: string): Rng {
  const next = sfc32(...cyrb128(seedText));
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    fork: (label) => fromState(`${seedText}/${label}`),
  };
  return rng;
}

/** Picks an item with probability proportional to its weight. */
export function weightedPick<T>(rng: Rng, items: readonly T[], weight: (item: T, index: number) => number): T {
  let total = 0;
  for (let i = 0; i < items.length; i++) total += weight(items[i] as T, i);
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    r -= weight(item, i);
    if (r < 0) return item;
  }
  // Rounding left a sliver: the last item that can be picked at all.
  for (let i = items.length - 1; i >= 0; i--) if (weight(items[i] as T, i) > 0) return items[i] as T;
  throw new Error("weightedPick needs at least one positive weight");
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still echo the seed; the usual remedy is to discard a few.
  for (let i = 0; i < 15; i++) next();
  return next;
}
