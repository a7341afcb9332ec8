/**
 * Quantile q of an ascending sample with numpy.quantile's default 'linear' method:
 * virtual index (n−1)·q, and numpy's lerp (a + (b−a)·t below t = ½, b − (b−a)·(1−t) from ½ on).
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const index = (n - 1) * q;
  if (index >= n - 1) return sorted[n - 1] as number;
  if (index < 0) return sorted[0] as number;
  const below = Math.floor(index);
  const a = sorted[below] as number;
  const b = sorted[below + 1] as number;
  const t = index - below;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
