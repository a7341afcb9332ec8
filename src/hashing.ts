// One stable, well-mixed 32-bit string hash for the whole project: FNV-1a, then murmur3's finaliser.
// The classifier's feature buckets and the tracer's stage span ids both depend on it never changing.

export const FNV_OFFSET = 0x811c9dc5;

export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function murmurFinalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a from `seed`, then the finaliser; different seeds give independent hashes of one text. */
export function hash32(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  // fnvStep inlined: a query hashes a thousand characters, in cold code where calls cost.
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return murmurFinalise(h);
}
