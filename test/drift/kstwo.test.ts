import { describe, expect, it } from "vitest";
import { kstwoCdf, kstwoSf, smirnovSf } from "../../src/drift/stats/index.js";
import { expectClose, loadOwnFixture } from "./reference.js";

interface Grid {
  kstwo: { n: number; x: number; sf: number; cdf: number }[];
  smirnov: { n: number; x: number; sf: number }[];
}

const grid = loadOwnFixture<Grid>("kstwo_grid.json");

// The grid spans every branch of scipy's _kolmogn: Ruben-Gambino ends, Durbin matrix,
// Pomeranz, Pelz-Good, and 2*smirnov, for n from 1 to 500,000.
describe("kstwoSf / kstwoCdf against scipy.stats.kstwo", () => {
  it.each(grid.kstwo.map((p) => [p.n, p.x, p] as const))("n=%i x=%f", (_n, _x, p) => {
    expectClose(kstwoSf(p.x, p.n), p.sf, 1e-9, 1e-10);
    expectClose(kstwoCdf(p.x, p.n), p.cdf, 1e-9, 1e-10);
  });
});

describe("smirnovSf against scipy.special.smirnov", () => {
  it.each(grid.smirnov.map((p) => [p.n, p.x, p] as const))("n=%i x=%f", (_n, _x, p) => {
    expectClose(smirnovSf(p.n, p.x), p.sf, 1e-9, 1e-10);
  });
});

describe("kstwoSf edges", () => {
  it("is 1 at and below the support's lower end 1/(2n) and 0 at d >= 1", () => {
    expect(kstwoSf(0, 10)).toBe(1);
    expect(kstwoSf(0.05, 10)).toBe(1);
    expect(kstwoSf(1, 10)).toBe(0);
    expect(kstwoSf(1.5, 10)).toBe(0);
  });

  it("is not the limiting Kolmogorov series for small n", () => {
    // Limiting series: 2*sum((-1)^(k-1) exp(-2 k^2 z^2)) with z = d*sqrt(n) gives about 0.2112 here.
    const z = 0.3 * Math.sqrt(20);
    let limit = 0;
    for (let k = 1; k < 100; k++) limit += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * z * z);
    expect(Math.abs(kstwoSf(0.3, 20) - limit)).toBeGreaterThan(0.01);
  });

  it("rejects a non-integer or non-positive n", () => {
    expect(() => kstwoSf(0.1, 2.5)).toThrow(RangeError);
    expect(() => kstwoSf(0.1, 0)).toThrow(RangeError);
  });
});
