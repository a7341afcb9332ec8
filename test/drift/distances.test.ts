import { describe, expect, it } from "vitest";
import { jsDistance, jsDistanceCounts, psi, psiInnerEdges, scoreHistogram, wasserstein1 } from "../../src/drift/stats/index.js";
import { expectClose, loadOwnFixture } from "./reference.js";

interface DistanceCase {
  name: string;
  a: number[];
  b: number[];
  wasserstein: number;
  js_distance: number;
  js_counts_a: number[];
  js_counts_b: number[];
  psi: number;
  psi_inner_edges: number[];
}

const fixture = loadOwnFixture<{ cases: DistanceCase[]; js_counts: { p: number[]; q: number[]; js: number }[] }>("distance_cases.json");

describe("Wasserstein, JS distance and PSI against scipy/numpy", () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expectClose(wasserstein1(c.a, c.b), c.wasserstein, 1e-9, 1e-15);
    expect(Array.from(scoreHistogram(c.a))).toEqual(c.js_counts_a);
    expect(Array.from(scoreHistogram(c.b))).toEqual(c.js_counts_b);
    expectClose(jsDistance(c.a, c.b), c.js_distance, 1e-9, 1e-15);
    expect(Array.from(psiInnerEdges(Float64Array.from(c.a).sort()))).toEqual(c.psi_inner_edges);
    expectClose(psi(c.a, c.b), c.psi, 1e-9, 1e-15);
  });

  it.each(fixture.js_counts.map((c) => [c.p.join(","), c.q.join(","), c] as const))("jsDistanceCounts [%s] vs [%s]", (_p, _q, c) => {
    expectClose(jsDistanceCounts(c.p, c.q), c.js, 1e-9, 1e-15);
  });
});

describe("distance behaviour", () => {
  it("puts a score of exactly 0.3 in the bin starting at 0.3 and clamps values outside [0, 1]", () => {
    expect(Array.from(scoreHistogram([0.3, -0.5, 1, 7]))).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0, 2]);
  });

  it("aligns label records and treats a missing label as zero", () => {
    expect(jsDistanceCounts({ a: 10, b: 5 }, { b: 5, a: 10, c: 0 })).toBe(0);
    expect(jsDistanceCounts({ a: 1 }, { b: 1 })).toBeCloseTo(1, 12);
  });

  it("refuses an all-zero count vector instead of returning NaN", () => {
    expect(() => jsDistanceCounts([0, 0], [1, 2])).toThrow(/all zero/);
  });

  it("is zero for identical samples and grows with a shift", () => {
    const a = Array.from({ length: 500 }, (_, i) => (i + 0.5) / 500);
    const shifted = a.map((x) => Math.min(1, x + 0.1));
    expect(wasserstein1(a, [...a].reverse())).toBe(0);
    expect(psi(a, a)).toBe(0);
    expect(psi(a, shifted)).toBeGreaterThan(0.1);
    expectClose(
      wasserstein1(
        a,
        a.map((x) => x + 0.25),
      ),
      0.25,
      1e-12,
    );
  });
});
