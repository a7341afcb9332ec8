/** A sample of numbers: a plain array or a typed array. */
export type Sample = ArrayLike<number>;

/**
 * The sample as an ascending Float64Array: the input itself when it already is one (an O(n)
 * check, so callers that sort once pay nothing more), otherwise a sorted copy.
 * Throws a RangeError on an empty sample or a value that is not a finite number.
 */
export function toSortedSample(sample: Sample, name = "sample"): Float64Array {
  const n = sample.length;
  if (n === 0) throw new RangeError(`The ${name} is empty; at least one value is needed.`);
  let sorted = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const value = sample[i] as number;
    if (!Number.isFinite(value)) throw new RangeError(`The ${name} holds a value that is not a finite number (${value}) at index ${i}.`);
    if (value < previous) sorted = false;
    previous = value;
  }
  if (sorted && sample instanceof Float64Array) return sample;
  return Float64Array.from(sample).sort();
}
