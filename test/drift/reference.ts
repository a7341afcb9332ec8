import { readFileSync } from "node:fs";
import { expect } from "vitest";

/** A stored sample: literal values, a Weyl sequence, or a list tiled n times (see fixtures/make_fixtures.py). */
export type SampleSpec =
  | number[]
  | { kind: "weyl"; n: number; alpha: number; scale: number; offset: number }
  | { kind: "repeat"; values: number[]; times: number };

export function materialise(spec: SampleSpec): Float64Array {
  if (Array.isArray(spec)) return Float64Array.from(spec);
  if (spec.kind === "repeat") {
    const out = new Float64Array(spec.values.length * spec.times);
    for (let t = 0; t < spec.times; t++) out.set(spec.values, t * spec.values.length);
    return out;
  }
  return Float64Array.from({ length: spec.n }, (_, i) => ((i * spec.alpha) % 1) * spec.scale + spec.offset);
}

export function loadOwnFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
}

/** The team's golden vectors (scipy 1.10.1), copied from shared/fixtures/drift: fixtures/golden/README.md. */
export function loadGolden<T>(name: string): T {
  return loadOwnFixture<T>(`golden/${name}`);
}

/** Relative closeness; values below `absFloor` on both sides only need to agree absolutely. */
export function expectClose(actual: number, expected: number, rel: number, absFloor = 0): void {
  if (actual === expected) return;
  if (Math.abs(expected) < absFloor) {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(absFloor);
    return;
  }
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `got ${actual}, want ${expected} (relative error ${error})`).toBeLessThanOrEqual(rel);
}
